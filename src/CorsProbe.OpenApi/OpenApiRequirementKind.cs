namespace CorsProbing.OpenApi;

/// <summary>What part of an operation's request an <see cref="OpenApiRequirement"/> decides.</summary>
public enum OpenApiRequirementKind
{
    /// <summary>The server the operation's path is resolved against.</summary>
    Server,

    /// <summary>The value put in place of a <c>{name}</c> of the path.</summary>
    PathParameter,

    /// <summary>A query parameter added to the URL.</summary>
    QueryParameter,

    /// <summary>The request's method.</summary>
    Method,

    /// <summary>A header the page sets on the request (a header parameter, a security scheme, the body's <c>Content-Type</c>).</summary>
    Header,

    /// <summary>Credentials mode <c>include</c> (a cookie parameter or security scheme, mutual TLS).</summary>
    Credentials,

    /// <summary>Something the document describes that the request leaves out, and why (a header browsers forbid, a body on GET).</summary>
    NotSent,
}

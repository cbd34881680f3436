namespace CorsProbing.Http;

/// <summary>Why browsers do not follow a redirect of a cross-origin request (Fetch "HTTP-redirect fetch").</summary>
internal enum RedirectRefusal
{
    /// <summary>The redirect is followed.</summary>
    None = 0,

    /// <summary>The <c>Location</c> value is not a URL.</summary>
    InvalidLocation = 1,

    /// <summary>The <c>Location</c> URL's scheme is not <c>http</c> or <c>https</c>.</summary>
    NotHttp = 2,

    /// <summary>More than 20 redirects.</summary>
    TooMany = 3,

    /// <summary>The <c>Location</c> URL holds a user name or password.</summary>
    CredentialsInLocation = 4,
}

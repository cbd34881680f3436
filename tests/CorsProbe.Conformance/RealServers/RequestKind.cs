namespace CorsProbing.Conformance.RealServers;

/// <summary>The request shapes every real server is asked.</summary>
public enum RequestKind
{
    /// <summary><c>GET</c> without headers: a browser sends no preflight.</summary>
    SimpleGet,

    /// <summary><c>POST</c> with <c>Content-Type: application/json</c>.</summary>
    JsonPost,

    /// <summary><c>PUT</c> with <c>X-Api-Key</c>.</summary>
    PutWithCustomHeader,

    /// <summary><c>GET</c> with <c>Authorization</c>: a browser preflights it, then sends the GET.</summary>
    PreflightedGet,

    /// <summary><c>POST</c> with <c>Content-Type: text/plain</c>: a browser sends no preflight.</summary>
    SimplePost,

    /// <summary><c>DELETE</c> without headers: preflighted for the method alone.</summary>
    Delete,
}

/// <summary>The method and headers of each <see cref="RequestKind"/>.</summary>
public static class RequestKinds
{
    /// <summary>Every kind.</summary>
    public static readonly RequestKind[] All = [RequestKind.SimpleGet, RequestKind.JsonPost, RequestKind.PutWithCustomHeader];

    /// <summary>The kinds of the real-server matrix: each way a browser treats the response after the preflight.</summary>
    public static readonly RequestKind[] Matrix =
    [
        RequestKind.SimpleGet, RequestKind.PreflightedGet, RequestKind.SimplePost, RequestKind.JsonPost, RequestKind.PutWithCustomHeader, RequestKind.Delete,
    ];

    /// <summary>The method.</summary>
    public static string Method(RequestKind kind) => kind switch
    {
        RequestKind.SimpleGet or RequestKind.PreflightedGet => "GET",
        RequestKind.JsonPost or RequestKind.SimplePost => "POST",
        RequestKind.Delete => "DELETE",
        _ => "PUT",
    };

    /// <summary>The request headers.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(RequestKind kind) => kind switch
    {
        RequestKind.SimpleGet or RequestKind.Delete => [],
        RequestKind.JsonPost => [new("Content-Type", "application/json")],
        RequestKind.SimplePost => [new("Content-Type", "text/plain")],
        RequestKind.PreflightedGet => [new("Authorization", "Bearer t-123")],
        _ => [new("X-Api-Key", "k-123")],
    };
}

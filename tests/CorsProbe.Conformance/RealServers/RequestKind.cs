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
}

/// <summary>The method and headers of each <see cref="RequestKind"/>.</summary>
public static class RequestKinds
{
    /// <summary>Every kind.</summary>
    public static readonly RequestKind[] All = [RequestKind.SimpleGet, RequestKind.JsonPost, RequestKind.PutWithCustomHeader];

    /// <summary>The method.</summary>
    public static string Method(RequestKind kind) => kind switch
    {
        RequestKind.SimpleGet => "GET",
        RequestKind.JsonPost => "POST",
        _ => "PUT",
    };

    /// <summary>The request headers.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(RequestKind kind) => kind switch
    {
        RequestKind.SimpleGet => [],
        RequestKind.JsonPost => [new("Content-Type", "application/json")],
        _ => [new("X-Api-Key", "k-123")],
    };
}

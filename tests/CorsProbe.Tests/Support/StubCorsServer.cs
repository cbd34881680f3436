using System.Net;

namespace CorsProbing.Tests.Support;

/// <summary>
/// An in-memory server for unit tests: answers every request with the configured status and raw header lines
/// (repeated lines and odd casing kept) and records what it received.
/// </summary>
public sealed class StubCorsServer : HttpMessageHandler
{
    private readonly List<(string Name, string Value)> _lines = [];
    private readonly List<HttpRequestMessage> _received = [];

    public StubCorsServer(HttpStatusCode status = HttpStatusCode.NoContent) => Status = status;

    public HttpStatusCode Status { get; set; }

    /// <summary>The preflights (OPTIONS requests) received, in order.</summary>
    public IReadOnlyList<HttpRequestMessage> Received => [.. _received.Where(r => r.Method == HttpMethod.Options)];

    /// <summary>The last preflight received.</summary>
    public HttpRequestMessage LastRequest => Received[^1];

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<HttpRequestMessage> AllReceived
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The requests after the preflights (actual GET/HEAD, stand-in GET) received, in order.</summary>
    public IReadOnlyList<HttpRequestMessage> ActualRequests => [.. _received.Where(r => r.Method != HttpMethod.Options)];

    public Func<HttpRequestMessage, HttpStatusCode>? StatusFor { get; set; }

    public Func<HttpRequestMessage, IEnumerable<(string Name, string Value)>>? LinesFor { get; set; }

    /// <summary>Adds a raw header line to every response.</summary>
    public StubCorsServer With(string name, string value)
    {
        _lines.Add((name, value));
        return this;
    }

    /// <summary>The common permissive answer for <paramref name="origin"/>.</summary>
    public static StubCorsServer Allowing(string origin, string methods = "GET, POST, PUT, DELETE", string headers = "Content-Type, Authorization") =>
        new StubCorsServer()
            .With("Access-Control-Allow-Origin", origin)
            .With("Access-Control-Allow-Methods", methods)
            .With("Access-Control-Allow-Headers", headers)
            .With("Access-Control-Max-Age", "600")
            .With("Vary", "Origin");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_received)
        {
            _received.Add(request);
        }

        var response = new HttpResponseMessage(StatusFor?.Invoke(request) ?? Status) { RequestMessage = request };
        foreach (var (name, value) in LinesFor?.Invoke(request) ?? _lines)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return Task.FromResult(response);
    }
}

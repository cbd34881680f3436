using System.Collections.Concurrent;
using System.Net;

namespace CorsProbing.Tests.Audit;

/// <summary>
/// A CORS server whose origin check is a function, as hand-written middleware has it: echoes an accepted origin (or
/// answers <c>*</c>), optionally with credentials, <c>Vary: Origin</c> and reflected method/header lists.
/// </summary>
public sealed class OriginPolicyServer(Func<string, bool> accepts) : HttpMessageHandler
{
    private readonly ConcurrentQueue<HttpRequestMessage> _received = new();
    private int _inFlight;
    private int _peak;

    public bool Credentials { get; init; }

    public bool Wildcard { get; init; }

    public bool VaryOrigin { get; init; } = true;

    public bool ReflectLists { get; init; }

    /// <summary>
    /// As Flask-CORS by default: the methods it knows are listed, and the requested headers echoed, only when the
    /// preflight asks for one of these methods; no lists otherwise.
    /// </summary>
    public string[]? ListsOnlyFor { get; init; }

    public HttpStatusCode Status { get; init; } = HttpStatusCode.NoContent;

    public IReadOnlyList<HttpRequestMessage> Received => [.. _received];

    public int PeakConcurrency => Volatile.Read(ref _peak);

    public static OriginPolicyServer Exact(params string[] origins) => new(origins.Contains);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _received.Enqueue(request);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }

        try
        {
            await Task.Delay(5, cancellationToken);
            var response = new HttpResponseMessage(Status) { RequestMessage = request };
            var origin = request.Headers.TryGetValues("Origin", out var values) ? values.Single() : null;
            if (origin is not null && (Wildcard || accepts(origin)))
            {
                response.Headers.TryAddWithoutValidation("Access-Control-Allow-Origin", Wildcard ? "*" : origin);
                if (Credentials)
                {
                    response.Headers.TryAddWithoutValidation("Access-Control-Allow-Credentials", "true");
                }
            }

            if (VaryOrigin && !Wildcard)
            {
                response.Headers.TryAddWithoutValidation("Vary", "Origin");
            }

            var requestedMethod = request.Headers.TryGetValues("Access-Control-Request-Method", out var m) ? m.Single() : null;
            var requestedHeaders = request.Headers.TryGetValues("Access-Control-Request-Headers", out var h) ? h.Single() : null;
            if (ListsOnlyFor is { } known)
            {
                if (requestedMethod is not null && known.Contains(requestedMethod))
                {
                    response.Headers.TryAddWithoutValidation("Access-Control-Allow-Methods", string.Join(", ", known));
                    response.Headers.TryAddWithoutValidation("Access-Control-Allow-Headers", requestedHeaders ?? string.Empty);
                }

                return response;
            }

            response.Headers.TryAddWithoutValidation("Access-Control-Allow-Methods", ReflectLists && requestedMethod is not null ? requestedMethod : "GET, POST, PUT");
            response.Headers.TryAddWithoutValidation("Access-Control-Allow-Headers", ReflectLists && requestedHeaders is not null ? requestedHeaders : "Content-Type, Authorization");
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

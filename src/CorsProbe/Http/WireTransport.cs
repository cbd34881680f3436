using System.Collections.Concurrent;
using CorsProbing.Safety;

namespace CorsProbing.Http;

/// <summary>
/// CorsProbe's own HTTP/1.1 transport, as a browser's network stack: it connects through the guard, writes the request
/// bytes the plan formed, reads the response head once, and parses it by each engine's rules, so the response judged is
/// by construction the one that was read. Connections are kept alive per scheme, host and port, one transport per
/// network policy and trusted-certificate set (a connection made under a looser policy never serves a stricter one).
/// HTTP/2 is not spoken: CORS is decided by a response's status and header fields, which HTTP/2 carries unchanged.
/// </summary>
internal sealed class WireTransport : ExchangeTransport, IDisposable
{
    private static readonly ConcurrentDictionary<(NetworkPolicy Policy, TrustedCertificates Trust), Lazy<WireTransport>> Shared = new();

    // The engines that read a preflight's whole body.
    private static readonly EngineSet PreflightBodyReaders = EngineSet.Of(BrowserEngine.All.Where(engine => WireRules.Of(engine).ReadsPreflightBody));

    private readonly GuardedConnect _guard;
    private readonly TrustedCertificates _trust;
    private readonly Limits _limits;
    private readonly ConcurrentDictionary<(string Scheme, string Host, int Port), ConnectionPool> _pools = new();
    private readonly Timer _scavenger;

    /// <summary>A transport of its own (tests: short limits); the shared ones come from <see cref="For"/>.</summary>
    internal WireTransport(NetworkPolicy policy, TrustedCertificates trust, Limits? limits = null)
    {
        _guard = new GuardedConnect(policy);
        _trust = trust;
        _limits = limits ?? Limits.Default;
        var period = _limits.IdleTimeout / 2;
        using (ExecutionContext.SuppressFlow())
        {
            _scavenger = new Timer(static state => ((WireTransport)state!).Scavenge(), this, period, period);
        }
    }

    /// <summary>The shared transport for <paramref name="policy"/> and <paramref name="trust"/>.</summary>
    public static WireTransport For(NetworkPolicy policy, TrustedCertificates trust) =>
        Shared.GetOrAdd((policy, trust), static key => new Lazy<WireTransport>(() => new WireTransport(key.Policy, key.Trust))).Value;

    /// <inheritdoc />
    public override async Task<IReadOnlyList<HeadReading>> SendAsync(ProbeRequest request, EngineSet engines, CancellationToken cancellationToken)
    {
        var url = request.Url;
        var key = (url.Scheme, url.IdnHost, url.Port);

        // A kept-alive connection the server closed before any byte of the answer is tried once more on a new one, as
        // browsers do; a new connection that fails is the answer.
        for (var fresh = false; ; fresh = true)
        {
            var pool = _pools.GetOrAdd(key, static (_, transport) => new ConnectionPool(transport._guard, transport._trust, transport._limits), this);
            var (connection, reused) = await pool.RentAsync(url, fresh, cancellationToken).ConfigureAwait(false);
            var keep = false;
            try
            {
                int length;
                bool ended;
                try
                {
                    await connection.WriteAsync(request, cancellationToken).ConfigureAwait(false);
                    (length, ended) = await connection.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or SocketException)
                {
                    if (reused && connection.Buffered.IsEmpty)
                    {
                        continue;
                    }

                    throw new HttpRequestException(HttpRequestError.Unknown, $"The connection failed while the response was read ({exception.Message})", exception);
                }

                if (length == 0 && ended)
                {
                    if (reused)
                    {
                        continue;
                    }

                    throw new HttpRequestException(HttpRequestError.ResponseEnded, connection.Tls
                        ? "The server closed the connection without answering (a server that speaks only HTTP/2 does so: CorsProbe speaks HTTP/1.1)"
                        : "The server closed the connection without answering");
                }

                var bytes = connection.Buffered[..length];
                if (IsHttp2Frame(bytes))
                {
                    throw new HttpRequestException(HttpRequestError.VersionNegotiationError, "The server answered with HTTP/2 frames: it speaks only HTTP/2 on this port, and CorsProbe speaks HTTP/1.1");
                }

                var readings = HeadReadings.Read(bytes, ended, connection.Tls, engines, url, connection.Fields);
                // The response is HTTP/1.1 when its first status line says so and no interim response came before it.
                var http11Status = bytes.StartsWith("HTTP/1.1 "u8) ? WireStatusLine.Code(WireStatusLine.Of(bytes, WireRules.Chromium), out _) : -1;

                // An engine that reads a preflight's body finds the head's end by its own rules: how many of the bytes
                // read as head here are body to it.
                var bodyReader = request.Method == "OPTIONS" && !ended ? BodyReader(engines) : null;
                var bodyOffset = bodyReader is not null && WireHeadParser.FinalHeadEnd(connection.Buffered, bodyReader) is var end and >= 0 and <= WireConnection.MaxHeadBytes
                    ? length - end
                    : 0;
                connection.Consume(length);
                if (bodyReader is not null)
                {
                    readings = await PreflightBodiesAsync(connection, readings, bodyOffset, cancellationToken).ConfigureAwait(false);
                }

                keep = !ended && readings is [{ Response: { } response }]
                    && await SkipBodyAsync(connection, BodyFraming.Of(response, request.Method == "HEAD", http11Status == response.Status), cancellationToken).ConfigureAwait(false);
                return readings;
            }
            finally
            {
                if (keep)
                {
                    pool.Return(connection);
                }
                else
                {
                    connection.Dispose();
                }

                pool.Release();
            }
        }
    }

    /// <summary>Closes every idle connection (a request in flight keeps its own, and closes or returns it when done).</summary>
    public void CloseIdleConnections()
    {
        foreach (var pool in _pools.Values)
        {
            pool.CloseIdle();
        }
    }

    /// <summary>Stops the scavenger and closes every idle connection.</summary>
    public void Dispose()
    {
        _scavenger.Dispose();
        CloseIdleConnections();
    }

    // Engines that read a preflight's whole body (WebKit) fail a preflight whose body ends before its Content-Length:
    // such a group gets a failure of its own. The body is waited for as long as a skipped one.
    private static async ValueTask<IReadOnlyList<HeadReading>> PreflightBodiesAsync(
        WireConnection connection, IReadOnlyList<HeadReading> readings, int bodyOffset, CancellationToken cancellationToken)
    {
        List<HeadReading>? split = null;
        foreach (var reading in readings)
        {
            var strict = reading.Engines.Intersect(PreflightBodyReaders);
            if (strict.IsEmpty || reading.Response is not { } response || BodyFraming.AnnouncedLength(response) is not { } announced
                || !await EndsBeforeAsync(connection, announced - bodyOffset, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            split ??= [.. readings];
            var failure = new ExchangeFailure(
                ExchangeFailureKind.MalformedResponse,
                $"the connection closed after {connection.Buffered.Length + bodyOffset} byte(s) of the body, which its Content-Length announces as {announced}: the browser fails a preflight whose body is cut short")
            { RawBytesRead = true };
            var index = split.IndexOf(reading);
            var others = reading.Engines.Except(strict);
            split[index] = others.IsEmpty ? reading with { Response = null, Failure = failure } : reading with { Engines = others };
            if (!others.IsEmpty)
            {
                split.Add(new HeadReading(strict, null, failure));
            }
        }

        return split ?? readings;
    }

    // The rules of the first of `engines` that reads a preflight's body, or null.
    // Every preflight asks, so a loop rather than a closure over `engines`.
    private static WireRules? BodyReader(EngineSet engines)
    {
        foreach (var engine in BrowserEngine.All)
        {
            if (engines.Contains(engine) && WireRules.Of(engine).ReadsPreflightBody)
            {
                return WireRules.Of(engine);
            }
        }

        return null;
    }

    private static Task<bool> EndsBeforeAsync(WireConnection connection, long announced, CancellationToken cancellationToken) =>
        announced <= connection.Buffered.Length
            ? Task.FromResult(false)
            : WithinDrainTimeAsync(static (connection, announced, token) => connection.EndsBeforeAsync(announced, token), connection, announced, cancellationToken);

    // The body only decides whether the connection is kept: one that does not arrive soon is not waited for.
    private static Task<bool> SkipBodyAsync(WireConnection connection, BodyFraming framing, CancellationToken cancellationToken) =>
        !framing.Reusable ? Task.FromResult(false)
        : !framing.Chunked && framing.Length <= connection.Buffered.Length ? connection.SkipBodyAsync(framing, cancellationToken)
        : WithinDrainTimeAsync(static (connection, framing, token) => connection.SkipBodyAsync(framing, token), connection, framing, cancellationToken);

    // What a body shows within the drain time; false when it is not known by then (the connection is then not kept, and
    // the head stands as read: a probe whose own time ran out says so at its next request).
    private static async Task<bool> WithinDrainTimeAsync<T>(
        Func<WireConnection, T, CancellationToken, Task<bool>> read, WireConnection connection, T argument, CancellationToken cancellationToken)
    {
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(Limits.DrainTime);
        try
        {
            return await read(connection, argument, drain.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
        {
            return false;
        }
    }

    // A server that speaks only HTTP/2 answers an HTTP/1.1 request with its SETTINGS or a GOAWAY frame on stream 0.
    private static bool IsHttp2Frame(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 9 && bytes[0] == 0 && bytes[3] is 0x04 or 0x07 && bytes[5..9].IndexOfAnyExcept((byte)0) < 0;

    private void Scavenge()
    {
        var now = TimeProvider.System.GetTimestamp();
        foreach (var (key, pool) in _pools)
        {
            if (pool.Scavenge(now))
            {
                _pools.TryRemove(new(key, pool));
            }
        }
    }

    /// <summary>How many connections the transport keeps, and for how long.</summary>
    /// <param name="MaxConnectionsPerHost">The most requests in flight to one scheme, host and port at once.</param>
    /// <param name="IdleTimeout">How long an idle connection is kept.</param>
    /// <param name="Lifetime">How long a connection is used at all (so a changed DNS answer is seen).</param>
    internal sealed record Limits(int MaxConnectionsPerHost, TimeSpan IdleTimeout, TimeSpan Lifetime)
    {
        /// <summary>How long the body after a head is waited for, to keep its connection.</summary>
        public static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(1);

        /// <summary>32 requests per host at once, connections idle at most 30 seconds and used at most 2 minutes.</summary>
        public static Limits Default { get; } = new(32, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));
    }
}

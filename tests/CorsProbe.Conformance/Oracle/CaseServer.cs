using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.Oracle;

/// <summary>
/// Serves the conformance matrix on loopback: <c>https://api.example.com/case/{id}</c> answers each preflight with
/// exactly the case's status and lines; <c>https://dashboard.galxe.com</c> and <c>http://localhost:8123</c> serve
/// the runner pages. Records, per case and per client, the preflight and whether the actual request arrived.
/// </summary>
public sealed class CaseServer : IAsyncDisposable
{
    private readonly Dictionary<int, ConformanceCase> _cases;
    private readonly ConcurrentDictionary<(int Id, ClientKind Client), CaseObservation> _observations = new();
    private readonly ConcurrentDictionary<int, string> _outcomes = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RawHttpServer _tls;
    private readonly RawHttpServer _plain;
    private readonly ForwardingProxy _proxy;

    private readonly ILookup<CaseOrigin, FetchSpec> _fetches;
    private readonly IReadOnlyDictionary<string, int> _extraHosts;

    /// <summary>Starts serving <paramref name="cases"/> over TLS and plain HTTP on free loopback ports.</summary>
    public CaseServer(IReadOnlyList<ConformanceCase> cases)
        : this(cases, cases.ToLookup(c => c.Origin, c => c.Fetch), new Dictionary<string, int>())
    {
    }

    /// <summary>
    /// Serves runner pages that fetch <paramref name="fetches"/> from each origin, and maps <paramref name="extraHosts"/>
    /// (host name to loopback TLS port) for the browser: for real servers that are not this one.
    /// </summary>
    public CaseServer(IReadOnlyList<ConformanceCase> cases, ILookup<CaseOrigin, FetchSpec> fetches, IReadOnlyDictionary<string, int> extraHosts)
    {
        _cases = cases.ToDictionary(c => c.Id);
        _fetches = fetches;
        _extraHosts = extraHosts;
        _tls = new RawHttpServer(Handle, tls: true);
        _plain = new RawHttpServer(Handle, tls: false);
        _proxy = new ForwardingProxy(PortFor);
    }

    /// <summary>The TLS port (<c>api.example.com</c>, <c>dashboard.galxe.com</c>).</summary>
    public int TlsPort => _tls.Port;

    /// <summary>The plain HTTP port (<c>localhost:8123</c>).</summary>
    public int PlainPort => _plain.Port;

    /// <summary>Completes when the last runner page reports that the run is over.</summary>
    public Task Finished => _finished.Task;

    /// <summary>Chromium's host-resolver rules that send every name the suite uses to this server.</summary>
    public string HostResolverRules =>
        $"MAP {ConformanceCase.ApiHost} 127.0.0.1:{TlsPort}, MAP dashboard.galxe.com 127.0.0.1:{TlsPort}, " +
        $"MAP localhost:{CaseOrigins.LocalhostPort} 127.0.0.1:{PlainPort}" +
        string.Concat(_extraHosts.Select(host => $", MAP {host.Key} 127.0.0.1:{host.Value}"));

    /// <summary>The proxy that sends every name the suite uses to this server, for browsers without host-resolver rules.</summary>
    public ForwardingProxy Proxy => _proxy;

    /// <summary>The loopback port that serves <paramref name="host"/> on <paramref name="port"/>, or null for a name the suite does not use.</summary>
    public int? PortFor(string host, int port) => (host.ToLowerInvariant(), port) switch
    {
        (ConformanceCase.ApiHost or "dashboard.galxe.com", 443) => TlsPort,
        ("localhost", CaseOrigins.LocalhostPort) => PlainPort,
        var (name, _) when port == 443 && _extraHosts.TryGetValue(name, out var extra) => extra,
        // Servers addressed by their loopback address and port (the malformed-response catalogue) are reached as they are.
        ("127.0.0.1", _) => port,
        _ => null,
    };

    /// <summary>What <paramref name="client"/> sent for case <paramref name="id"/>.</summary>
    public CaseObservation Observation(int id, ClientKind client) => _observations.GetOrAdd((id, client), _ => new CaseObservation());

    /// <summary>How the page's <c>fetch()</c> for case <paramref name="id"/> settled (<c>resolved</c>/<c>rejected</c>), or null.</summary>
    public string? Outcome(int id) => _outcomes.TryGetValue(id, out var outcome) ? outcome : null;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _tls.DisposeAsync();
        await _plain.DisposeAsync();
    }

    private RawResponse Handle(RawRequest request)
    {
        if (request.Host == ConformanceCase.ApiHost && request.Path.StartsWith("/case/", StringComparison.Ordinal)
            && int.TryParse(request.Path["/case/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && _cases.TryGetValue(id, out var found))
        {
            return AnswerCase(found, request);
        }

        return (request.Method, request.Path) switch
        {
            ("GET", "/run") when request.Host == "dashboard.galxe.com" => Page(RunnerPage.Galxe(CasesOf(CaseOrigin.Galxe))),
            ("GET", "/run-opaque") => Page(RunnerPage.Opaque(CasesOf(CaseOrigin.Opaque))),
            ("GET", "/run") when request.Host == "localhost" => Page(RunnerPage.Localhost(CasesOf(CaseOrigin.Localhost))),
            ("POST", "/report") => Report(request),
            ("POST", "/finished") => Finish(),
            _ => new RawResponse(404, []),
        };
    }

    private RawResponse AnswerCase(ConformanceCase found, RawRequest request)
    {
        var client = (request.Header("User-Agent") ?? string.Empty).Contains("CorsProbe/", StringComparison.Ordinal)
            ? ClientKind.CorsProbe
            : ClientKind.Browser;
        var observation = Observation(found.Id, client);
        if (request.Method == "OPTIONS")
        {
            observation.Preflight(request.Header("Access-Control-Request-Method"), request.Header("Access-Control-Request-Headers"));
            return new RawResponse(found.Status, found.ResponseLines);
        }

        observation.Actual(request.Headers);
        return new RawResponse(200, [.. found.ActualResponseLines, new("Content-Type", "text/plain")], "ok");
    }

    private IEnumerable<FetchSpec> CasesOf(CaseOrigin origin) => _fetches[origin];

    private static RawResponse Page(string html) => RawResponse.Ok("text/html; charset=utf-8", html, new KeyValuePair<string, string>("Cache-Control", "no-store"));

    private RawResponse Report(RawRequest request)
    {
        using var results = JsonDocument.Parse(request.Body);
        foreach (var result in results.RootElement.EnumerateArray())
        {
            _outcomes[result.GetProperty("id").GetInt32()] = result.GetProperty("outcome").GetString()!;
        }

        return new RawResponse(204, []);
    }

    private RawResponse Finish()
    {
        _finished.TrySetResult();
        return new RawResponse(204, []);
    }
}

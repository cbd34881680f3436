using System.Collections.Concurrent;
using System.Globalization;
using CorsProbing.Conformance.Cases;
using CorsProbing.Conformance.Oracle;
using CorsProbing.Conformance.Support;

namespace CorsProbing.Conformance.Malformed;

/// <summary>
/// Serves the catalogue on loopback over TLS: <c>/m/{id}/put</c> answers the preflight with the case's bytes and the
/// request after it correctly; <c>/m/{id}/get</c> answers <c>OPTIONS</c> correctly and the GET with the case's bytes.
/// Cases that answer before the request get a server of their own. Records which clients' requests after the preflight arrived.
/// </summary>
public sealed class MalformedTargets : IAsyncDisposable
{
    /// <summary>The origin every malformed case is fetched from.</summary>
    public static readonly string GalxeOrigin = CaseOrigins.Serialize(CaseOrigin.Galxe);

    private readonly Dictionary<int, MalformedCase> _cases;
    private readonly ByteServer _server;
    private readonly Dictionary<int, ByteServer> _early;
    private readonly ConcurrentDictionary<(int Id, MalformedShape Shape, ClientKind Client), bool> _actualSeen = new();

    /// <summary>Starts serving <paramref name="cases"/>.</summary>
    public MalformedTargets(IReadOnlyList<MalformedCase> cases)
    {
        _cases = cases.ToDictionary(c => c.Id);
        _server = new ByteServer(Answer);
        _early = cases.Where(c => c.Early).ToDictionary(c => c.Id, c => new ByteServer(Answer, c.Bytes(GalxeOrigin)));
    }

    /// <summary>The URL for <paramref name="case"/> in <paramref name="shape"/>.</summary>
    public string Url(MalformedCase @case, MalformedShape shape)
    {
        var port = _early.TryGetValue(@case.Id, out var early) ? early.Port : _server.Port;
        return string.Create(CultureInfo.InvariantCulture, $"https://127.0.0.1:{port}{@case.Path(shape)}");
    }

    /// <summary>Whether <paramref name="client"/>'s request after the preflight (or its simple GET) arrived.</summary>
    public bool ActualSeen(int id, MalformedShape shape, ClientKind client) => _actualSeen.ContainsKey((id, shape, client));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var early in _early.Values)
        {
            await early.DisposeAsync();
        }
    }

    private byte[] Answer(RawRequest request)
    {
        var parts = request.Path.Split('/');
        if (parts.Length != 4 || parts[1] != "m" || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !_cases.TryGetValue(id, out var found))
        {
            return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"u8.ToArray();
        }

        var origin = request.Header("Origin") ?? GalxeOrigin;
        var shape = parts[3] == "put" ? MalformedShape.PreflightedPut : MalformedShape.SimpleGet;
        var preflight = request.Method == "OPTIONS";
        if (!preflight)
        {
            var client = (request.Header("User-Agent") ?? string.Empty).Contains("CorsProbe/", StringComparison.Ordinal) ? ClientKind.CorsProbe : ClientKind.Browser;
            _actualSeen[(id, shape, client)] = true;
        }

        return preflight == (shape == MalformedShape.PreflightedPut)
            ? found.Bytes(origin)
            : System.Text.Encoding.Latin1.GetBytes(MalformedCatalogue.Response(origin));
    }
}

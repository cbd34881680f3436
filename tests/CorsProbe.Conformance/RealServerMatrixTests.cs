using CorsProbing.Conformance.RealServers;

namespace CorsProbing.Conformance;

/// <summary>
/// Real CORS implementations, every configuration asked GET, a preflighted GET, a simple POST, a JSON POST, PUT and
/// DELETE, with and without credentials, from the dashboard and from a foreign origin. Ground truth is live Chromium:
/// CorsProbe's Browser verdict must equal it wherever CorsProbe saw the responses browsers judge, and in at least 90%
/// of the scenarios it decides on a stand-in GET (docs/cors-rules.md, "After the preflight"; docs/real-servers.md).
/// </summary>
public class RealServerMatrixTests
{
    private static readonly Dictionary<string, (string Host, IReadOnlyDictionary<string, string> Setups, Func<CancellationToken, Task<IRunningServer>> Start, string[]? OtherHosts)> Servers = new()
    {
        ["ASP.NET Core"] = (AspNetTlsServer.Host, AspNetTlsServer.Setups, async t => await AspNetTlsServer.StartAsync(t), null),
        ["nginx"] = (NginxServer.Host, NginxServer.Setups, async t => await NginxServer.StartAsync(t), [NginxServer.OtherHost]),
        ["Apache httpd"] = (ApacheServer.Host, ApacheServer.Setups, async t => await ApacheServer.StartAsync(t), null),
        ["Caddy"] = (CaddyServer.Host, CaddyServer.Setups, async t => await CaddyServer.StartAsync(t), null),
        ["Express"] = (ExpressServer.Host, ExpressServer.Setups, async t => await ExpressServer.StartAsync(t), null),
        ["fastify"] = (FastifyServer.Host, FastifyServer.Setups, async t => await FastifyServer.StartAsync(t), null),
        ["Flask-CORS"] = (FlaskServer.Host, FlaskServer.Setups, async t => await FlaskServer.StartAsync(t), null),
    };

    public static TheoryData<string> ServerNames => [.. Servers.Keys];

    [Theory]
    [MemberData(nameof(ServerNames))]
    public async Task TheBrowserVerdict_AgreesWithLiveChromium(string name)
    {
        _ = Oracle.Chromium.Executable;
        var cancellationToken = TestContext.Current.CancellationToken;
        var (host, setups, start, otherHosts) = Servers[name];
        await using var server = await start(cancellationToken);

        var ports = (otherHosts ?? []).Append(host).ToDictionary(h => h, _ => server.Port);
        await RealServerMatrix.AgreeAsync(name, host, ports, setups, cancellationToken);
    }
}

using CorsProbing.Conformance.RealServers;
using static CorsProbing.CorsVerdict;

namespace CorsProbing.Conformance;

/// <summary>
/// Real CORS implementations on loopback, asked three request shapes each from <c>https://dashboard.galxe.com</c>:
/// CorsProbe's Browser profile must decide as live Chromium does, and its Galxe profile as the platform's documented
/// check does (an OK status, <c>*</c> or the exact origin, and every method listed in <c>Access-Control-Allow-Methods</c>,
/// GET and POST included, <c>Access-Control-Allow-Headers</c> not required).
/// </summary>
public class RealServerTests
{
    [Fact]
    public async Task AspNetCoreCorsMiddleware_OnKestrel()
    {
        _ = Oracle.Chromium.Executable;
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await AspNetTlsServer.StartAsync(cancellationToken);

        // Since ASP.NET Core 3.0 the middleware lists every allowed method, GET and POST included, and echoes the
        // requested one under AllowAnyMethod; the platform ignores Access-Control-Allow-Headers, so only the method and
        // the origin decide its verdict.
        var scenarios = Scenarios(AspNetTlsServer.Host, new Dictionary<string, (string, bool, CorsVerdict[])>
        {
            ["/any"] = ("AllowAnyOrigin, AllowAnyMethod, AllowAnyHeader", false, [Allowed, Allowed, Allowed]),
            ["/designated"] = ("WithOrigins(dashboard), WithMethods(GET, POST), WithHeaders(Content-Type)", false, [Allowed, Allowed, Denied]),
            ["/credentials"] = ("WithOrigins(dashboard), AllowCredentials, any method and header", true, [Allowed, Allowed, Allowed]),
            ["/methods"] = ("WithOrigins(dashboard), WithMethods(GET, POST, PUT), no headers", false, [Allowed, Allowed, Allowed]),
            ["/headers"] = ("WithOrigins(dashboard), WithMethods(GET, POST), WithHeaders(X-Api-Key)", false, [Allowed, Allowed, Denied]),
            ["/max-age"] = ("AllowAnyOrigin, WithMethods(GET, POST, PUT), SetPreflightMaxAge(10 min)", false, [Allowed, Allowed, Allowed]),
            ["/other-origin"] = ("WithOrigins(another origin)", false, [Denied, Denied, Denied]),
        });

        await AgreeAsync(scenarios, AspNetTlsServer.Host, server.Port, cancellationToken);
    }

    [Fact]
    public async Task Nginx_ConfigurationsPeopleDeploy()
    {
        _ = Oracle.Chromium.Executable;
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await NginxServer.StartAsync(cancellationToken);

        var setups = NginxServer.Setups;
        var scenarios = Scenarios(NginxServer.Host, new Dictionary<string, (string, bool, CorsVerdict[])>
        {
            ["/no-always/"] = (setups["/no-always/"], false, [Denied, Denied, Denied]),
            ["/options-405/"] = (setups["/options-405/"], false, [Denied, Denied, Denied]),
            ["/if-options-204/"] = (setups["/if-options-204/"], false, [Allowed, Allowed, Allowed]),
            ["/echo-origin/"] = (setups["/echo-origin/"], true, [Allowed, Allowed, Allowed]),
            ["/duplicated/"] = (setups["/duplicated/"], false, [Denied, Denied, Denied]),
        });

        // "/no-always/" is the case that needs CorsProbe's actual GET: OPTIONS gets nginx's bare 405, the GET a 200 with
        // the header, so browsers allow the simple GET while the platform's check (OPTIONS only) fails it.
        await AgreeAsync(scenarios, NginxServer.Host, server.Port, cancellationToken);
    }

    [Fact]
    public async Task Express_WithTheCorsPackage()
    {
        _ = Oracle.Chromium.Executable;
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ExpressServer.StartAsync(cancellationToken);

        var setups = ExpressServer.Setups;
        var scenarios = Scenarios(ExpressServer.Host, new Dictionary<string, (string, bool, CorsVerdict[])>
        {
            ["/default"] = (setups["/default"], false, [Allowed, Allowed, Allowed]),
            ["/reflect"] = (setups["/reflect"], false, [Allowed, Allowed, Allowed]),
            ["/allow-list"] = (setups["/allow-list"], false, [Allowed, Allowed, Denied]),
            ["/credentials"] = (setups["/credentials"], true, [Allowed, Allowed, Allowed]),
        });

        await AgreeAsync(scenarios, ExpressServer.Host, server.Port, cancellationToken);
    }

    private static async Task AgreeAsync(List<RealServerScenario> scenarios, string host, int port, CancellationToken cancellationToken)
    {
        var mismatches = await RealServerRun.MismatchesAsync(scenarios, new Dictionary<string, int> { [host] = port }, cancellationToken);

        mismatches.Should().BeEmpty(string.Join(Environment.NewLine + Environment.NewLine, mismatches));
    }

    // Each configuration with the three request shapes, and the platform's verdict for each (in RequestKinds.All order).
    private static List<RealServerScenario> Scenarios(string host, Dictionary<string, (string Setup, bool Credentials, CorsVerdict[] Galxe)> configurations) =>
    [
        .. configurations.SelectMany(configuration => RequestKinds.All.Select((kind, i) =>
            new RealServerScenario(host, configuration.Key, configuration.Value.Setup, configuration.Value.Credentials, kind, configuration.Value.Galxe[i]))),
    ];
}

using System.CommandLine;
using System.Globalization;

namespace CorsProbing.Cli;

/// <summary>
/// <c>corsprobe &lt;url&gt; [options]</c>: probes one URL and exits 0 allowed, 1 denied (or, with <c>--audit</c>, a security
/// finding of Medium risk or worse), 2 unreachable, 64 usage error.
/// </summary>
public static class CorsProbeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null)
    {
        var url = new Argument<string>("url") { Description = "The API URL to probe, sent exactly as given." };
        var origin = new Option<string?>("--origin", "-o") { Description = "The page's origin, e.g. https://dashboard.galxe.com (default: the profile's)." };
        var methods = new Option<string[]>("--method", "-m") { Description = "A method the page uses; repeat for several (default: GET)." };
        var headers = new Option<string[]>("--header", "-H") { Description = "A header the page sets: 'Name' (value unknown) or 'Name: value'; repeat for several." };
        var credentials = new Option<bool>("--credentials") { Description = "The page sends credentials (cookies, HTTP auth)." };
        var profile = new Option<string>("--profile") { Description = "Which rules decide the exit code: browser or galxe.", DefaultValueFactory = _ => "browser" };
        profile.AcceptOnlyFromAmong("browser", "galxe");
        var timeout = new Option<double?>("--timeout") { Description = "Timeout of the whole probe in seconds (default 10, galxe 5)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var allowLocal = new Option<bool>("--allow-local") { Description = "Allow loopback and private-network targets (refused by default, as a platform backend must)." };
        var audit = new Option<bool>("--audit") { Description = "Also try crafted origins (any, null, look-alikes, http:, shared hosting) and report what the server wrongly trusts; a Medium or worse finding exits 1." };
        var rejectOrigins = new Option<string[]>("--reject-origin") { Description = "An origin that must not be allowed (exit 1 if it is); repeat for several." };

        var root = new RootCommand("Checks, as a browser would, whether an API's CORS configuration lets an origin call it.")
        {
            url, origin, methods, headers, credentials, profile, timeout, json, allowLocal, audit, rejectOrigins,
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run 'corsprobe --help' for usage.");
            return ExitCodes.UsageError;
        }

        var exitCode = ExitCodes.Allowed;
        root.SetAction(async (result, cancellationToken) =>
        {
            CorsProbeBuilder builder;
            try
            {
                builder = Configure(result, url, origin, methods, headers, credentials, profile, timeout, handler);
                if (result.GetValue(allowLocal))
                {
                    builder = builder.AllowLoopback().AllowPrivateNetworks();
                }

                if (result.GetValue(audit))
                {
                    builder = builder.Audit();
                }

                if (result.GetValue(rejectOrigins) is { Length: > 0 } rejected)
                {
                    builder = builder.RejectOrigins(rejected);
                }
            }
            catch (ArgumentException exception)
            {
                await error.WriteLineAsync(exception.Message);
                exitCode = ExitCodes.UsageError;
                return;
            }

            CorsReport report;
            try
            {
                report = await builder.ProbeAsync(cancellationToken);
            }
            catch (InvalidOperationException exception)
            {
                await error.WriteLineAsync(exception.Message);
                exitCode = ExitCodes.UsageError;
                return;
            }

            await output.WriteLineAsync(result.GetValue(json) ? report.ToJson() : report.ToString());
            exitCode = ExitCodes.For(report);
        });

        var invocation = new InvocationConfiguration { Output = output, Error = error };
        var code = await parsed.InvokeAsync(invocation);
        return code != 0 ? code : exitCode;
    }

    private static CorsProbeBuilder Configure(
        ParseResult result,
        Argument<string> url,
        Option<string?> origin,
        Option<string[]> methods,
        Option<string[]> headers,
        Option<bool> credentials,
        Option<string> profile,
        Option<double?> timeout,
        HttpMessageHandler? handler)
    {
        var chosen = result.GetValue(profile) == "galxe" ? CorsProfile.Galxe : CorsProfile.Browser;
        var builder = CorsProbe.For(result.GetValue(url)!).UsingProfile(chosen).WithCredentials(result.GetValue(credentials));
        if (result.GetValue(origin) is { } o)
        {
            builder = builder.WithOrigin(o);
        }

        if (result.GetValue(methods) is { Length: > 0 } m)
        {
            builder = builder.RequireMethods(m);
        }

        foreach (var header in result.GetValue(headers) ?? [])
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            builder = colon < 0 ? builder.RequireHeaders(header.Trim()) : builder.RequireHeader(header[..colon].Trim(), header[(colon + 1)..]);
        }

        if (result.GetValue(timeout) is { } seconds)
        {
            if (!double.IsFinite(seconds) || seconds <= 0)
            {
                throw new ArgumentException($"--timeout must be a positive number of seconds, not {seconds.ToString(CultureInfo.InvariantCulture)}.");
            }

            builder = builder.WithTimeout(TimeSpan.FromSeconds(seconds));
        }

        return handler is null ? builder : builder.UsingHandler(handler);
    }
}

using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;

namespace CorsProbing.Cli;

/// <summary>
/// <c>corsprobe &lt;url&gt; [options]</c> or <c>corsprobe --input urls.txt [options]</c>: probes one URL, or many as a
/// batch, and exits 0 allowed, 1 denied (or, with <c>--audit</c>, a security finding of Medium risk or worse), 2
/// unreachable, 64 usage error. A batch exits with its worst report's code.
/// </summary>
public static class CorsProbeCommand
{
    /// <summary>Runs with plain output (tests, redirected output).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpMessageHandler? handler = null) =>
        RunAsync(args, new CliEnvironment(output, error, TextReader.Null, Rich: null), handler);

    /// <summary>Runs in <paramref name="environment"/>; <paramref name="handler"/> replaces the transport (tests).</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, HttpMessageHandler? handler = null)
    {
        var url = new Argument<string?>("url") { Description = "The API URL to probe, sent exactly as given.", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<string?>("--input", "-i") { Description = "Probe every URL in this file (one per line, # comments), or '-' for standard input, as a batch." };
        var origin = new Option<string?>("--origin", "-o") { Description = "The origin of the page that calls the API, e.g. https://app.example (required; with --profile galxe it defaults to https://dashboard.galxe.com)." };
        var methods = new Option<string[]>("--method", "-m") { Description = "A method the page uses; repeat for several (default: GET)." };
        var headers = new Option<string[]>("--header", "-H") { Description = "A header the page sets: 'Name' (value unknown) or 'Name: value'; repeat for several." };
        var credentials = new Option<bool>("--credentials") { Description = "The page sends credentials (cookies, HTTP auth)." };
        var profile = new Option<string>("--profile") { Description = "Which rules decide the exit code: browser (every engine), chromium, firefox, webkit or galxe.", DefaultValueFactory = _ => "browser" };
        profile.AcceptOnlyFromAmong("browser", "chromium", "firefox", "webkit", "galxe");
        var timeout = new Option<double?>("--timeout")
        {
            Description = $"Timeout of each probe in seconds (default: the profile's, {CorsProfile.Browser.Timeout.TotalSeconds} for browser, {CorsProfile.Galxe.Timeout.TotalSeconds} for galxe).",
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = $"How many probes of a batch run at once (at most {CorsBatchOptions.Default.MaxConcurrencyPerHost} per host).",
            DefaultValueFactory = _ => CorsBatchOptions.Default.MaxConcurrency,
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (a batch: a JSON array of reports)." };
        var allowLocal = new Option<bool>("--allow-local") { Description = "Allow loopback and private-network targets (refused by default, as a platform backend must)." };
        var audit = new Option<bool>("--audit") { Description = "Also try crafted origins (any, null, look-alikes, http:, shared hosting) and report what the server wrongly trusts; a Medium or worse finding exits 1." };
        var notes = new Option<bool>("--notes") { Description = "In a batch's table, list the notes (Info findings) too, not only errors and warnings." };
        var rejectOrigins = new Option<string[]>("--reject-origin") { Description = "An origin that must not be allowed (exit 1 if it is); repeat for several." };
        var optionsOnly = new Option<bool>("--options-only") { Description = "Send only OPTIONS requests: no actual GET/HEAD, no stand-in GET (the report names the check not made)." };
        var sendActual = new Option<bool>("--send-actual") { Description = "Send the actual request of every method where a browser would (POST, PUT, DELETE... included) instead of a stand-in GET, and judge its response: certainty for your own test or staging API. It sends unsafe requests to the target." };
        var sarif = new Option<bool>("--sarif") { Description = "Print a SARIF 2.1.0 log (for GitHub code scanning) instead of the report: one result per finding." };
        var openApi = new Option<string?>("--openapi") { Description = "Probe every operation of this OpenAPI 2.0/3.0/3.1 document (a file or an http(s) URL, JSON or YAML), as a page calls each." };
        var server = new Option<string?>("--server") { Description = "With --openapi: resolve the paths against this base URL instead of the document's servers." };
        var parameters = new Option<string[]>("--param") { Description = "With --openapi: a parameter's value, NAME=VALUE (a path {NAME}, a query or header parameter); repeat for several." };
        var requiredHeadersOnly = new Option<bool>("--required-headers-only") { Description = "With --openapi: leave out optional header and cookie parameters." };
        var maxDocumentSize = new Option<long?>("--max-document-size") { Description = $"With --openapi: the most bytes of the document read (default {OpenApi.OpenApiProbe.DefaultMaxDocumentSize})." };

        var root = new RootCommand(
            "Checks, as a browser would, whether an API's CORS configuration lets an origin call it." + Environment.NewLine +
            "Exit codes: 0 allowed, 1 denied (or --audit found a Medium-or-worse risk, or a --reject-origin is allowed), 2 unreachable, 3 inconclusive (nothing browsers would see decides a request), 64 usage error (or an OpenAPI document that cannot be probed); a batch or a document exits with its worst report's code.")
        {
            url, input, openApi, origin, methods, headers, credentials, profile, timeout, concurrency, json, sarif, notes, allowLocal, audit, rejectOrigins, optionsOnly, sendActual,
            server, parameters, requiredHeadersOnly, maxDocumentSize,
        };

        var invocation = new InvocationConfiguration { Output = environment.Output, Error = environment.Error };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine's own report of the errors, with its "did you mean" for a misspelt option.
            if (parsed.Action is ParseErrorAction errors)
            {
                errors.ShowHelp = false;
                errors.ShowTypoCorrections = true;
            }

            await parsed.InvokeAsync(invocation);
            await environment.Error.WriteLineAsync("Run 'corsprobe --help' for usage.");
            return ExitCodes.UsageError;
        }

        var exitCode = ExitCodes.Allowed;
        root.SetAction(async (result, cancellationToken) =>
        {
            var single = result.GetValue(url);
            var list = result.GetValue(input);
            var document = result.GetValue(openApi);
            if (new[] { single, list, document }.Count(given => given is not null) != 1)
            {
                exitCode = await UsageErrorAsync(environment, ["Give one URL, or --input with a file of URLs ('-' for standard input), or --openapi with an OpenAPI document; one of them."]);
                return;
            }

            if (result.GetValue(json) && result.GetValue(sarif))
            {
                exitCode = await UsageErrorAsync(environment, ["Give --json or --sarif, not both."]);
                return;
            }

            var format = result.GetValue(sarif) ? OutputFormat.Sarif : result.GetValue(json) ? OutputFormat.Json : OutputFormat.Text;
            var openApiOnly = new (string Flag, bool Given)[]
            {
                ("--server", result.GetValue(server) is not null),
                ("--param", result.GetValue(parameters) is { Length: > 0 }),
                ("--required-headers-only", result.GetValue(requiredHeadersOnly)),
                ("--max-document-size", result.GetValue(maxDocumentSize) is not null),
            };
            if (document is null && openApiOnly.FirstOrDefault(o => o.Given) is { Flag: { } flag })
            {
                exitCode = await UsageErrorAsync(environment, [$"{flag} applies only to --openapi."]);
                return;
            }

            if (document is not null && result.GetValue(methods) is { Length: > 0 })
            {
                exitCode = await UsageErrorAsync(environment, ["--method does not apply to --openapi: each operation is probed with its own method (give --header for headers every call sends)."]);
                return;
            }

            if (result.GetValue(concurrency) < 1)
            {
                exitCode = await UsageErrorAsync(environment, ["--concurrency must be at least 1."]);
                return;
            }

            var chosen = CorsProfile.FindBuiltIn(result.GetValue(profile)) ?? CorsProfile.Browser;
            if (result.GetValue(origin) is null && chosen.DefaultOrigin is null)
            {
                exitCode = await UsageErrorAsync(environment, ["No origin to probe from: give --origin with the origin of the page that calls the API, such as --origin https://app.example."]);
                return;
            }

            IReadOnlyList<(int Line, string Url)> targets;
            try
            {
                targets = list is null ? [] : await UrlList.ReadAsync(list, environment.Input, cancellationToken);
            }
            catch (IOException exception)
            {
                exitCode = await UsageErrorAsync(environment, [$"--input {list}: {exception.Message}"]);
                return;
            }

            // The options describe one probe, built once and retargeted to each URL; in a batch, a line that is not a URL
            // is a report of its own (CORS020) and the other lines run.
            CorsProbeBuilder template;
            try
            {
                var builder = Configure(result, chosen, origin, methods, headers, credentials, timeout, handler);
                builder = result.GetValue(allowLocal) ? builder.AllowLoopback().AllowPrivateNetworks() : builder;
                builder = result.GetValue(audit) ? builder.Audit() : builder;
                if (result.GetValue(optionsOnly) && result.GetValue(sendActual))
                {
                    throw new ArgumentException("Give --options-only or --send-actual, not both: one sends only OPTIONS, the other the actual requests.");
                }

                builder = result.GetValue(optionsOnly) ? builder.WithoutActualRequests() : builder;
                builder = result.GetValue(sendActual) ? builder.SendActualRequests() : builder;
                template = result.GetValue(rejectOrigins) is { Length: > 0 } rejected ? builder.RejectOrigins(rejected) : builder;
                template = single is not null ? template.ForUrl(single) : template;
            }
            catch (ArgumentException exception)
            {
                exitCode = await UsageErrorAsync(environment, [Message(exception)]);
                return;
            }

            if (document is not null)
            {
                OpenApi.OpenApiProbeBuilder described;
                try
                {
                    described = OpenApiDocumentProbe.Describe(document, template, result.GetValue(server), result.GetValue(parameters) ?? [], result.GetValue(requiredHeadersOnly), result.GetValue(maxDocumentSize), Limits(result.GetValue(concurrency)));
                }
                catch (ArgumentException exception)
                {
                    exitCode = await UsageErrorAsync(environment, [Message(exception)]);
                    return;
                }

                exitCode = await OpenApiView.RunAsync(described, environment, format, cancellationToken);
                return;
            }

            exitCode = single is not null
                ? await ProbeOneAsync(template, environment, format, cancellationToken)
                : await BatchView.RunAsync(template, targets, Limits(result.GetValue(concurrency)), environment, format, result.GetValue(notes), cancellationToken);
        });

        var code = await parsed.InvokeAsync(invocation);
        return code != 0 ? code : exitCode;
    }

    private static async Task<int> ProbeOneAsync(CorsProbeBuilder probe, CliEnvironment environment, OutputFormat format, CancellationToken cancellationToken)
    {
        var report = await probe.ProbeAsync(cancellationToken);
        if (format == OutputFormat.Json)
        {
            await environment.Output.WriteLineAsync(report.ToJson());
        }
        else if (format == OutputFormat.Sarif)
        {
            await environment.Output.WriteLineAsync(report.ToSarif());
        }
        else if (environment.Rich is { } console)
        {
            ReportView.Render(console, report);
        }
        else
        {
            await environment.Output.WriteLineAsync(report.ToString());
        }

        var code = ExitCodes.For(report);
        if (ExitCodes.Reason(report) is { } reason)
        {
            await environment.Error.WriteLineAsync($"Exit {code}: {reason}");
        }

        return code;
    }

    private static CorsBatchOptions Limits(int concurrency) =>
        new() { MaxConcurrency = concurrency, MaxConcurrencyPerHost = Math.Min(concurrency, CorsBatchOptions.Default.MaxConcurrencyPerHost) };

    // The builder's message without the parameter name .NET appends: the reader typed a flag, not a parameter.
    private static string Message(ArgumentException exception) =>
        exception.ParamName is null ? exception.Message : exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);

    private static async Task<int> UsageErrorAsync(CliEnvironment environment, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            await environment.Error.WriteLineAsync(message);
        }

        await environment.Error.WriteLineAsync("Run 'corsprobe --help' for usage.");
        return ExitCodes.UsageError;
    }

    // How remedies and errors name the settings of a probe: this tool's flags.
    private static readonly CorsSettingNames Flags = new()
    {
        Origin = "give --origin with the origin of the page that calls the API, such as --origin https://app.example",
        AllowLoopback = "add --allow-local",
        AllowPrivateNetworks = "add --allow-local",
        Timeout = "raise --timeout SECONDS",
        OptionsOnly = "add --options-only",
        FollowUps = "leave out --options-only",
        SendActualRequests = "add --send-actual (on your own test or staging API only: it sends the method itself)",
    };

    // Where the template points before it is retargeted to each URL: a reserved name (RFC 2606), never probed.
    private const string Unaddressed = "https://template.invalid/";

    private static CorsProbeBuilder Configure(
        ParseResult result,
        CorsProfile chosen,
        Option<string?> origin,
        Option<string[]> methods,
        Option<string[]> headers,
        Option<bool> credentials,
        Option<double?> timeout,
        HttpMessageHandler? handler)
    {
        var builder = CorsProbe.For(Unaddressed).UsingProfile(chosen).WithCredentials(result.GetValue(credentials)).NamingSettingsAs(Flags);
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

namespace CorsProbing.Reporting;

/// <summary>Renders a report as plain, multi-line text that reads like a diagnosis.</summary>
internal static class ReportText
{
    // The engines' verdicts follow Browser's only where they differ: "Browser: Denied (Chromium: Allowed, ...)".
    private static string EngineVerdicts(CorsReport report, CorsProfile profile)
    {
        if (!ReferenceEquals(profile, CorsProfile.Browser))
        {
            return string.Empty;
        }

        var engines = report.Profiles.Where(p => p.IsEngine).ToList();
        var verdict = report.VerdictFor(profile);
        return engines.TrueForAll(p => report.VerdictFor(p) == verdict)
            ? string.Empty
            : $" ({string.Join(", ", engines.Select(p => $"{p.Name}: {report.VerdictFor(p)}"))})";
    }

    public static string Render(CorsReport report)
    {
        var text = new StringBuilder();
        var credentials = report.IncludesCredentials ? " with credentials" : string.Empty;
        text.Append(CultureInfo.InvariantCulture, $"CORS {report.Verdict.ToString().ToUpperInvariant()}: {report.Url.OriginalString} from origin {report.Origin}{credentials} ({report.Profile} profile)").AppendLine();
        text.Append("  ").AppendJoin("   ", report.Profiles.Where(p => !p.IsEngine).Select(p => $"{p.Name}: {report.VerdictFor(p)}{EngineVerdicts(report, p)}")).AppendLine();

        if (report.Findings.Count > 0)
        {
            text.AppendLine().AppendLine("Findings:");
            foreach (var finding in report.Findings)
            {
                var method = finding.Method is null ? string.Empty : $" [{finding.Method}]";
                text.Append(CultureInfo.InvariantCulture, $"  {Marker(finding.Severity)} {finding.Code} {finding.Severity}{method} {finding.Title}").AppendLine();
                text.Append("      ").Append(finding.EngineLead).AppendLine(finding.Message);
                if (finding.Remedy is not null && finding.Severity != CorsSeverity.Info)
                {
                    text.Append("      Fix: ").AppendLine(finding.Remedy);
                }
            }
        }

        if (report.IsAudited)
        {
            AppendAudit(text, report);
        }

        if (report.Preflights.Count == 0)
        {
            return text.AppendLine().Append("Nothing was sent.").ToString();
        }

        text.AppendLine().AppendLine("Preflights:");
        foreach (var exchange in report.Preflights)
        {
            var requestHeaders = exchange.RequestHeader(CorsHeaderNames.RequestHeaders);
            var asked = requestHeaders is null ? exchange.Method : $"{exchange.Method} + {requestHeaders}";
            text.Append(CultureInfo.InvariantCulture, $"  OPTIONS for {asked} -> {Answer(exchange)} in {exchange.Elapsed.TotalMilliseconds:0} ms").AppendLine();
            AppendHeaders(text, exchange);
            if (exchange.ActualRequest is { } actual)
            {
                AppendFollowUp(text, exchange, actual);
            }

            foreach (var hop in exchange.Redirects)
            {
                var what = hop.Kind == ExchangeKind.Preflight ? $"OPTIONS {hop.Url.OriginalString} (the preflight at the redirect's URL)" : $"{hop.Method} {hop.Url.OriginalString} (redirected)";
                text.Append(CultureInfo.InvariantCulture, $"  {what} from {hop.RequestHeader(CorsHeaderNames.Origin)} -> {Answer(hop)} in {hop.Elapsed.TotalMilliseconds:0} ms").AppendLine();
                AppendHeaders(text, hop);
            }

            text.Append(CultureInfo.InvariantCulture, $"  Browser verdict for {exchange.Method} rests on: {Describe(exchange.Evidence)}{RawBytes(exchange)}").AppendLine();
        }

        text.AppendLine().AppendLine("Reproduce with:").Append("  ").Append(report.CurlCommand);
        return text.ToString();
    }

    private static void AppendAudit(StringBuilder text, CorsReport report)
    {
        if (report.SecurityFindings.Count == 0)
        {
            text.AppendLine().AppendLine("Security audit: no origin other than the configured one is trusted in a risky way.");
            return;
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture, $"Security audit ({report.SecurityFindings.Count} finding(s), CWE-942):").AppendLine();
        foreach (var finding in report.SecurityFindings)
        {
            text.Append(CultureInfo.InvariantCulture, $"  ! {finding.Code} {finding.Risk} {finding.Title}").AppendLine();
            text.Append("      ").AppendLine(finding.Message);
            text.Append("      Evidence: ").AppendLine(finding.Evidence);
            text.Append("      Fix: ").AppendLine(finding.Remedy);
        }
    }

    private static void AppendFollowUp(StringBuilder text, CorsExchange preflight, CorsExchange actual)
    {
        var what = actual.Kind == ExchangeKind.StandIn
            ? $"stand-in for {preflight.Method}, which CorsProbe never sends"
            : "the actual request, as browsers send it";
        text.Append(CultureInfo.InvariantCulture, $"  {actual.Method} ({what}) -> {Answer(actual)} in {actual.Elapsed.TotalMilliseconds:0} ms").AppendLine();

        // The page's headers announced in the preflight that the GET/HEAD did not carry: no value was given for them.
        var unsent = (preflight.RequestHeader(CorsHeaderNames.RequestHeaders) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Where(name => actual.Kind == ExchangeKind.ActualRequest && actual.RequestHeader(name) is null)
            .ToList();
        if (unsent.Count > 0)
        {
            text.Append("      (not sent with it: ").AppendJoin(", ", unsent).AppendLine(" - no value was given, or a GET carries no content)");
        }

        AppendHeaders(text, actual);
    }

    private static string Answer(CorsExchange exchange) => exchange.StatusCode is { } status
        ? $"{status.ToString(CultureInfo.InvariantCulture)} {exchange.ReasonPhrase}".TrimEnd()
        : $"no response: {exchange.Error}";

    // Said only when a response arrived through a transport that hid its bytes: CorsProbe's own reads them.
    private static string RawBytes(CorsExchange exchange) =>
        exchange.StatusCode is not null && !exchange.RawBytesRead
            ? "; headers as the supplied handler parsed them (raw bytes not available: a NUL byte or two different Content-Length values would go unseen)"
            : string.Empty;

    private static string Describe(CorsEvidence evidence) => evidence switch
    {
        CorsEvidence.None => "no response that browsers judge (unverified)",
        CorsEvidence.Preflight => "the preflight",
        CorsEvidence.ActualResponse => "the actual response",
        CorsEvidence.Preflight | CorsEvidence.ActualResponse => "the preflight and the actual response",
        CorsEvidence.StandIn => "a stand-in GET (likely, not certain)",
        _ => "the preflight and a stand-in GET (likely, not certain)",
    };

    private static void AppendHeaders(StringBuilder text, CorsExchange exchange)
    {
        foreach (var header in exchange.ResponseHeaders)
        {
            text.Append("      ").Append(header.Key).Append(": ").AppendLine(Requirements.Printable.Escape(header.Value));
        }
    }

    private static string Marker(CorsSeverity severity) => severity switch
    {
        CorsSeverity.Error => "x",
        CorsSeverity.Warning => "!",
        _ => "i",
    };
}

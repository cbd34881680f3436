using System.Globalization;
using CorsProbing.Evaluation;
using CorsProbing.Http;
using CorsProbing.Requirements;

namespace CorsProbing.Reporting;

/// <summary>Turns one preflight's outcome into findings, in Chromium's check order.</summary>
internal static class PreflightFindings
{
    /// <summary>Findings for a preflight that got a response.</summary>
    /// <param name="response">The answer to OPTIONS.</param>
    /// <param name="context">What the preflight asked.</param>
    /// <param name="decision">The evaluation of <paramref name="response"/>.</param>
    /// <param name="elapsed">How long the answer took.</param>
    /// <param name="actual">For a GET or HEAD a browser sends without preflight, the response to the actual request CorsProbe also sent and its CORS check, if it got a response.</param>
    public static IReadOnlyList<FindingDraft> ForResponse(
        HttpResponseMessage response, in PreflightContext context, PreflightDecision decision, TimeSpan elapsed, (HttpResponseMessage Response, PreflightDecision Decision)? actual = null)
    {
        // Most answers to a well-configured API yield no finding at all: allocate nothing for them.
        if (decision.Checks == CorsChecks.None && context.BrowserSendsPreflight && decision.MaxAge == MaxAgeKind.Valid && elapsed <= ProfileRules.GalxeTimeout)
        {
            return [];
        }

        var findings = new List<FindingDraft>();
        var method = context.Method;
        var status = (int)response.StatusCode;
        var blocksBrowser = context.BrowserSendsPreflight ? CorsSeverity.Error : CorsSeverity.Info;
        var noPreflightNote = context.BrowserSendsPreflight ? string.Empty : NoPreflightNote(context);

        if (decision.Has(CorsChecks.RedirectFollowed))
        {
            findings.Add(new FindingDraft(
                CorsFindingCodes.Redirect,
                method,
                blocksBrowser,
                CorsSeverity.Error,
                $"The HttpMessageHandler followed a redirect from {context.RequestUri.OriginalString} to {response.RequestMessage?.RequestUri}; browsers never follow redirects for preflights.{noPreflightNote}",
                "Probe the final URL directly, and configure the API to answer OPTIONS without a redirect (for example, no http→https or trailing-slash redirect on the API path)."));
        }

        if (decision.Has(CorsChecks.Redirect))
        {
            var location = HeaderText.Combined(HeaderLines.Read(response, CorsHeaderNames.Location));
            findings.Add(new FindingDraft(
                CorsFindingCodes.Redirect,
                method,
                blocksBrowser,
                CorsSeverity.Error,
                $"The preflight answered {status} with `Location: {location}`; browsers never follow redirects for preflights.{noPreflightNote}",
                "Give the platform the final URL, or answer OPTIONS on this URL directly instead of redirecting (http→https and trailing-slash redirects are the usual causes)."));
        }

        if (actual is null)
        {
            OriginFindings.Add(findings, response, context, decision);
        }
        else
        {
            AddOriginFindingsOfBoth(findings, response, context, decision, actual.Value);
        }

        if (decision.Has(CorsChecks.Status))
        {
            findings.Add(new FindingDraft(
                CorsFindingCodes.PreflightStatus,
                method,
                blocksBrowser,
                CorsSeverity.Error,
                $"The preflight answered {status} {response.ReasonPhrase}; browsers require an ok status (200–299).{noPreflightNote}",
                "Answer OPTIONS with 204 No Content (or 200) before authentication, routing or method checks reject it; in ASP.NET Core, call app.UseCors() before UseAuthentication() and UseAuthorization()."));
        }

        ListFindings.Add(findings, response, context, decision);

        if (!context.BrowserSendsPreflight)
        {
            findings.Add(new FindingDraft(
                CorsFindingCodes.NoPreflightInBrowser,
                method,
                CorsSeverity.Info,
                CorsSeverity.Info,
                $"A browser sends no preflight for {method} without CORS-unsafe headers; it only checks Access-Control-Allow-Origin (and -Credentials) on the actual response. {ActualNote(context, actual is not null)}",
                "Make sure the actual response carries the same Access-Control-Allow-Origin as the OPTIONS response."));
        }
        else if (decision.PreflightPasses)
        {
            AddMaxAge(findings, response, context, decision);
        }

        AddSlowForGalxe(findings, method, elapsed);
        return findings;
    }

    private static string ActualNote(in PreflightContext context, bool actualJudged)
    {
        if (actualJudged)
        {
            return $"CorsProbe sent the actual {context.Method} too (headers only, body not read) and judged its response for browsers; the OPTIONS response is judged for the Galxe platform, which requires it.";
        }

        return ActualRequest.Applies(context)
            ? $"CorsProbe's actual {context.Method} got no response, so it read them from the OPTIONS response, which the Galxe platform requires anyway."
            : $"CorsProbe never sends a {context.Method} to your API, so it read them from the OPTIONS response, which the Galxe platform requires anyway.";
    }

    // The browser judges the actual response; the OPTIONS answer only matters to the platform's check. (A method of its
    // own: the lambdas' captures would otherwise cost every call of ForResponse a closure allocation.)
    private static void AddOriginFindingsOfBoth(
        List<FindingDraft> findings, HttpResponseMessage response, in PreflightContext context, PreflightDecision decision, (HttpResponseMessage Response, PreflightDecision Decision) actual)
    {
        var method = context.Method;
        var note = NoPreflightNote(context);
        var first = findings.Count;
        OriginFindings.Add(findings, response, context, decision, "response to OPTIONS");
        Rewrite(findings, first, draft => draft with { Browser = CorsSeverity.Info, Message = "On the OPTIONS response: " + draft.Message + note });

        first = findings.Count;
        OriginFindings.Add(findings, actual.Response, context, actual.Decision, $"actual {method} response");
        Rewrite(findings, first, draft => draft with { Galxe = CorsSeverity.Info, Message = $"On the actual {method} response: " + draft.Message + " The Galxe platform only checks the OPTIONS response." });
    }

    private static void Rewrite(List<FindingDraft> findings, int first, Func<FindingDraft, FindingDraft> change)
    {
        for (var i = first; i < findings.Count; i++)
        {
            findings[i] = change(findings[i]);
        }
    }

    /// <summary>The finding for a target the network policy refuses.</summary>
    public static FindingDraft ForBlocked(in PreflightContext context, Safety.BlockedAddressException blocked, NetworkPolicy policy) => new(
        CorsFindingCodes.TargetAddressNotAllowed,
        context.Method,
        CorsSeverity.Error,
        CorsSeverity.Error,
        $"No request was sent: {blocked.Message} (allowed: {policy}).",
        "Give a URL whose host resolves to public addresses only. To probe an API on this machine or your own network on purpose, call AllowLoopback() or AllowPrivateNetworks() on the builder (or WithNetworkPolicy(...)).");

    /// <summary>Findings for a preflight that got no response.</summary>
    public static List<FindingDraft> ForFailure(in PreflightContext context, string description, bool timedOut, TimeSpan timeout)
    {
        var host = context.RequestUri.IdnHost;
        var port = context.RequestUri.Port;
        return timedOut
            ? [new FindingDraft(
                CorsFindingCodes.Timeout,
                context.Method,
                CorsSeverity.Error,
                CorsSeverity.Error,
                $"No response headers arrived within {Seconds(timeout)}: {description}",
                "Make OPTIONS answer quickly and without authentication, or raise the timeout with WithTimeout(...) if the API is known to be slow.")]
            : [new FindingDraft(
                CorsFindingCodes.Unreachable,
                context.Method,
                CorsSeverity.Error,
                CorsSeverity.Error,
                $"The preflight to {context.RequestUri.OriginalString} failed before a response arrived: {description}",
                $"Check that {host} resolves, that a server listens on port {port.ToString(CultureInfo.InvariantCulture)}, and that its TLS certificate is valid for {host}.")];
    }

    /// <summary>The sentence added to findings that do not block browsers because no preflight is sent.</summary>
    public static string NoPreflightNote(in PreflightContext context) =>
        $" A browser sends no preflight for {context.Method} without CORS-unsafe headers, so this does not block browsers; the Galxe platform's check fails on it.";

    /// <summary>"1.5 s" in invariant culture.</summary>
    public static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static void AddMaxAge(List<FindingDraft> findings, HttpResponseMessage response, in PreflightContext context, PreflightDecision decision)
    {
        var described = HeaderText.Describe(CorsHeaderNames.MaxAge, HeaderLines.Read(response, CorsHeaderNames.MaxAge));
        var seconds = decision.MaxAgeSeconds.ToString(CultureInfo.InvariantCulture);
        (CorsSeverity severity, string message)? finding = decision.MaxAge switch
        {
            MaxAgeKind.Missing => (CorsSeverity.Info, $"The response has no Access-Control-Max-Age header: Chromium caches the preflight for {seconds} s, so most calls pay for a second round trip."),
            MaxAgeKind.Invalid => (CorsSeverity.Warning, $"{described} is not an integer number of seconds: Chromium falls back to {seconds} s."),
            MaxAgeKind.Negative => (CorsSeverity.Warning, $"{described} is negative: Chromium does not cache the preflight ({seconds} s)."),
            MaxAgeKind.Capped => (CorsSeverity.Info, $"{described} exceeds Chromium's limit: it caches the preflight for {seconds} s (2 hours); Firefox allows 24 hours, WebKit 10 minutes."),
            _ => null,
        };

        if (finding is { } f)
        {
            findings.Add(new FindingDraft(
                CorsFindingCodes.MaxAge,
                context.Method,
                f.severity,
                f.severity,
                f.message,
                "Send `Access-Control-Max-Age: 7200` (or the time your CORS policy may stay cached) so browsers reuse the preflight."));
        }
    }

    private static void AddSlowForGalxe(List<FindingDraft> findings, string method, TimeSpan elapsed)
    {
        if (elapsed <= ProfileRules.GalxeTimeout)
        {
            return;
        }

        findings.Add(new FindingDraft(
            CorsFindingCodes.Timeout,
            method,
            CorsSeverity.Info,
            CorsSeverity.Error,
            $"The preflight took {Seconds(elapsed)}; the Galxe platform gives up after {Seconds(ProfileRules.GalxeTimeout)}.",
            "Make OPTIONS answer within a few hundred milliseconds: answer it before authentication and slow middleware."));
    }
}

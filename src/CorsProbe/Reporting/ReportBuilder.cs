using System.Collections.ObjectModel;
using System.Globalization;
using CorsProbing.Audit;
using CorsProbing.Requirements;

namespace CorsProbing.Reporting;

/// <summary>Assembles the immutable report: orders findings, adds probe-wide findings and judges every profile.</summary>
internal static class ReportBuilder
{
    public static CorsReport Build(
        CorsRequirements requirements, string origin, IReadOnlyList<PreflightOutcome> outcomes, TimeSpan elapsed, AuditOutcome? audit = null)
    {
        var drafts = new List<FindingDraft>();
        var exchanges = new PreflightExchange[outcomes.Count];
        for (var i = 0; i < outcomes.Count; i++)
        {
            drafts.AddRange(outcomes[i].Findings);
            exchanges[i] = outcomes[i].Exchange;
        }

        AddPort(drafts, requirements.Url);
        if (audit is not null)
        {
            drafts.AddRange(audit.Drafts);
        }

        var browser = Judge(drafts, CorsProfile.Browser);
        var galxe = Judge(drafts, CorsProfile.Galxe);
        if (browser != galxe)
        {
            drafts.Add(ProfileDifference.Explain(drafts, browser, galxe));
        }

        return new CorsReport(
            requirements.Url,
            origin,
            requirements.Profile,
            requirements.Credentials,
            browser,
            galxe,
            OrderBySeverity(drafts, requirements.Profile),
            Array.AsReadOnly(exchanges),
            elapsed,
            audit?.Security,
            audit?.Audited ?? false);
    }

    // Errors, then warnings, then notes; within a severity, the order the checks ran in (a stable sort).
    private static ReadOnlyCollection<CorsFinding> OrderBySeverity(List<FindingDraft> drafts, CorsProfile profile)
    {
        if (drafts.Count == 0)
        {
            return ReadOnlyCollection<CorsFinding>.Empty;
        }

        var findings = new CorsFinding[drafts.Count];
        var next = 0;
        foreach (var severity in (ReadOnlySpan<CorsSeverity>)[CorsSeverity.Error, CorsSeverity.Warning, CorsSeverity.Info])
        {
            foreach (var draft in drafts)
            {
                if (draft.SeverityUnder(profile) == severity)
                {
                    findings[next++] = draft.ToFinding(profile);
                }
            }
        }

        return Array.AsReadOnly(findings);
    }

    /// <summary>A profile's verdict: unreachable when a transport failure or timeout is an error under it; denied on any other error.</summary>
    public static CorsVerdict Judge(List<FindingDraft> drafts, CorsProfile profile)
    {
        var verdict = CorsVerdict.Allowed;
        foreach (var draft in drafts)
        {
            if (draft.SeverityUnder(profile) != CorsSeverity.Error)
            {
                continue;
            }

            if (draft.Code is CorsFindingCodes.Unreachable or CorsFindingCodes.Timeout or CorsFindingCodes.TargetAddressNotAllowed)
            {
                return CorsVerdict.Unreachable;
            }

            verdict = CorsVerdict.Denied;
        }

        return verdict;
    }

    private static void AddPort(List<FindingDraft> drafts, Uri url)
    {
        if (url.Port is 80 or 443)
        {
            return;
        }

        var port = url.Port.ToString(CultureInfo.InvariantCulture);
        drafts.Add(new FindingDraft(
            CorsFindingCodes.NonStandardPort,
            Method: null,
            CorsSeverity.Info,
            CorsSeverity.Error,
            $"The API is on port {port}; the Galxe platform only accepts URLs on ports 80 and 443. Browsers accept any port.",
            "Serve the API on port 443 (https) or 80, for example behind a reverse proxy."));
    }
}

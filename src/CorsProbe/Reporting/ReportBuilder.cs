using System.Globalization;
using CorsProbing.Http;
using CorsProbing.Requirements;

namespace CorsProbing.Reporting;

/// <summary>Assembles the immutable report: orders findings, adds probe-wide findings and judges every profile.</summary>
internal static class ReportBuilder
{
    public static CorsReport Build(CorsRequirements requirements, string origin, IReadOnlyList<PreflightOutcome> outcomes, TimeSpan elapsed)
    {
        var drafts = new List<FindingDraft>();
        foreach (var outcome in outcomes)
        {
            drafts.AddRange(outcome.Findings);
        }

        AddPort(drafts, requirements.Url);

        var browser = Judge(drafts, CorsProfile.Browser);
        var galxe = Judge(drafts, CorsProfile.Galxe);
        if (browser != galxe)
        {
            drafts.Add(ProfileDifference.Explain(drafts, browser, galxe));
        }

        var profile = requirements.Profile;
        var findings = drafts
            .Select((draft, index) => (draft, index))
            .OrderBy(pair => pair.draft.SeverityUnder(profile))
            .ThenBy(pair => pair.index)
            .Select(pair => pair.draft.ToFinding(profile))
            .ToArray();

        var exchanges = outcomes.Select(outcome => outcome.Exchange).ToArray();
        var verdicts = new Dictionary<CorsProfile, CorsVerdict>
        {
            [CorsProfile.Browser] = browser,
            [CorsProfile.Galxe] = galxe,
        };

        return new CorsReport(
            requirements.Url,
            origin,
            profile,
            requirements.Credentials,
            verdicts,
            Array.AsReadOnly(findings),
            Array.AsReadOnly(exchanges),
            CurlCommand.Render(requirements.Url, exchanges[0].RequestHeaders.Where(h => h.Key != CorsHeaderNames.UserAgent)),
            elapsed);
    }

    /// <summary>A profile's verdict: unreachable when a transport failure or timeout is an error under it; denied on any other error.</summary>
    public static CorsVerdict Judge(IEnumerable<FindingDraft> drafts, CorsProfile profile)
    {
        var verdict = CorsVerdict.Allowed;
        foreach (var draft in drafts)
        {
            if (draft.SeverityUnder(profile) != CorsSeverity.Error)
            {
                continue;
            }

            if (draft.Code is CorsFindingCodes.Unreachable or CorsFindingCodes.Timeout)
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

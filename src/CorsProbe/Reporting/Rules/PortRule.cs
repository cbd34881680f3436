using CorsProbing.Evidence;

namespace CorsProbing.Reporting.Rules;

/// <summary>CORS015: the URL's port is one a judged profile does not accept (browsers accept any).</summary>
internal static class PortRule
{
    public const string Title = "Port other than 80/443";

    public static void Apply(ProbeFacts probe, List<FindingDraft> findings)
    {
        var port = probe.Url.Port;
        if (!ProfileJudgement.AnyRefusesPort(probe.Profiles, port))
        {
            return;
        }

        var refusing = probe.Profiles.Where(p => !p.AllowsPort(port)).ToList();

        var text = port.ToString(CultureInfo.InvariantCulture);
        var rules = string.Join("; ", refusing.Select(p => $"{p.Subject} only accepts URLs on ports {string.Join(" and ", p.AllowedPorts)}"));
        findings.Add(new FindingDraft(
            CorsFindingCodes.NonStandardPort,
            Title,
            null,
            FindingScope.Port,
            CorsSeverity.Error,
            $"The API is on port {text}; {rules}. Browsers accept any port.",
            "Serve the API on port 443 (https) or 80, for example behind a reverse proxy.") { Port = port });
    }
}

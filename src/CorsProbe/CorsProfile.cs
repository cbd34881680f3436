namespace CorsProbing;

/// <summary>
/// A set of rules that decides a <see cref="CorsReport"/>'s verdict. Every report evaluates every profile
/// from the same exchange; the profile chosen with <see cref="CorsProbeBuilder.UsingProfile(CorsProfile)"/>
/// decides <see cref="CorsReport.Verdict"/> and the severities shown in <see cref="CorsReport.Findings"/>.
/// </summary>
public enum CorsProfile
{
    /// <summary>
    /// What a current Chromium decides: the WHATWG Fetch CORS check and CORS-preflight rules as Chromium
    /// implements them. It has no default origin: call <see cref="CorsProbeBuilder.WithOrigin(string)"/>.
    /// </summary>
    Browser = 0,

    /// <summary>
    /// The check the Galxe platform documents for customer APIs: always a preflight from
    /// <c>https://dashboard.galxe.com</c> (the default origin of this profile), a 2xx status, an allowed origin,
    /// every required method <em>listed</em> in <c>Access-Control-Allow-Methods</c> (GET and POST too),
    /// <c>Access-Control-Allow-Headers</c> not checked, ports 80 and 443 only, and a 5-second timeout.
    /// </summary>
    Galxe = 1,
}

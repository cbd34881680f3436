using CorsProbing.Reporting;

namespace CorsProbing;

/// <summary>
/// The immutable result of a probe: the verdict under every profile, every finding with its stable code, explanation
/// and remedy, the raw exchanges, and the <c>curl</c> command that reproduces the first preflight.
/// </summary>
public sealed class CorsReport
{
    private readonly IReadOnlyList<CorsVerdict> _verdicts;
    private string? _curlCommand;

    internal CorsReport(
        Uri url,
        string origin,
        CorsProfile profile,
        bool credentials,
        IReadOnlyList<CorsProfile> profiles,
        IReadOnlyList<CorsVerdict> verdicts,
        IReadOnlyList<CorsFinding> findings,
        IReadOnlyList<CorsExchange> preflights,
        TimeSpan elapsed,
        IReadOnlyList<CorsSecurityFinding>? securityFindings = null,
        bool audited = false)
    {
        Url = url;
        Origin = origin;
        Profile = profile;
        IncludesCredentials = credentials;
        Profiles = profiles;
        _verdicts = verdicts;
        Findings = findings;
        Preflights = preflights;
        Elapsed = elapsed;
        SecurityFindings = securityFindings ?? [];
        IsAudited = audited;
    }

    /// <summary>
    /// The probed URL as the caller wrote it: its <see cref="Uri.OriginalString"/> is the input text (a fragment kept,
    /// though never sent). Each exchange's <see cref="CorsExchange.Url"/> is the URL sent.
    /// </summary>
    public Uri Url { get; }

    /// <summary>The origin the preflights came from.</summary>
    public string Origin { get; }

    /// <summary>The profile that decides <see cref="Verdict"/> and the severities in <see cref="Findings"/>.</summary>
    public CorsProfile Profile { get; }

    /// <summary>Whether the probe used credentials mode "include".</summary>
    public bool IncludesCredentials { get; }

    /// <summary>
    /// The profiles this report judged, each from the same exchanges: <see cref="CorsProfile.Browser"/> first, then the
    /// three engines' profiles, then the built-in platform profile when it was chosen or asked for
    /// (<see cref="CorsProbeBuilder.AlsoJudgeBy"/>), then the caller's own.
    /// </summary>
    public IReadOnlyList<CorsProfile> Profiles { get; }

    /// <summary>The verdict under <see cref="Profile"/>.</summary>
    public CorsVerdict Verdict => VerdictFor(Profile);

    /// <summary>True when <see cref="Verdict"/> is <see cref="CorsVerdict.Allowed"/>.</summary>
    public bool IsAllowed => Verdict == CorsVerdict.Allowed;

    /// <summary>
    /// Every failing check (in the browser's order, method by method; one finding for a check that fails alike for several
    /// methods, naming them), then warnings, then notes, with severities
    /// under <see cref="Profile"/>.
    /// </summary>
    public IReadOnlyList<CorsFinding> Findings { get; }

    /// <summary>
    /// The preflights, one per required method (and per header form where the engines name the request's headers
    /// differently), in the order the methods were required, each with the requests sent after it.
    /// </summary>
    public IReadOnlyList<CorsExchange> Preflights { get; }

    /// <summary>A POSIX-shell <c>curl</c> command that reproduces the first preflight, every argument single-quoted.</summary>
    // Rendered on first use (always the same text): most reports are never printed.
    public string CurlCommand => _curlCommand ??= Preflights.Count == 0 ? string.Empty : Reporting.CurlCommand.Render(Preflights[0].Url, Preflights[0].RequestHeaders);

    /// <summary>
    /// What the audit (<see cref="CorsProbeBuilder.Audit"/>) found the server wrongly trusts, most dangerous first; empty
    /// when no audit ran or nothing was found. These never change <see cref="Verdict"/>: they are about other origins.
    /// </summary>
    public IReadOnlyList<CorsSecurityFinding> SecurityFindings { get; }

    /// <summary>Whether the security audit ran (it is skipped when the target was unreachable).</summary>
    public bool IsAudited { get; }

    /// <summary>How long the whole probe took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The verdict under <paramref name="profile"/>, one of <see cref="Profiles"/>.</summary>
    /// <param name="profile">A profile this report judged.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The report did not judge <paramref name="profile"/>.</exception>
    public CorsVerdict VerdictFor(CorsProfile profile) => _verdicts[ProfileIndex.Of(Profiles, profile)];

    /// <summary>Returns this report when the verdict is <see cref="CorsVerdict.Allowed"/>; otherwise throws with the full explanation.</summary>
    /// <returns>This report.</returns>
    /// <exception cref="CorsProbeException">The verdict is <see cref="CorsVerdict.Denied"/>, <see cref="CorsVerdict.Unreachable"/> or <see cref="CorsVerdict.Inconclusive"/>; its message is <see cref="ToString"/>, which says why and, when inconclusive, what would settle it.</exception>
    public CorsReport EnsureAllowed() => IsAllowed ? this : throw new CorsProbeException(this);

    /// <summary>
    /// The version of the JSON shape <see cref="ToJson"/> writes (its <c>schemaVersion</c>, see <c>docs/report.schema.json</c>);
    /// <see cref="FromJson"/> reads it and every earlier one.
    /// </summary>
    public const int JsonSchemaVersion = 7;

    /// <summary>
    /// The report as indented JSON of the documented, versioned shape (<c>schemaVersion</c> <see cref="JsonSchemaVersion"/>,
    /// see <c>docs/report.schema.json</c>): verdicts and findings' severities keyed by profile name, exchanges, security
    /// findings and the curl command. Written by a source-generated serializer, so it is trim- and Native-AOT-safe.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Serialization.ReportJson.Write(this);

    /// <summary>Reads a report written by <see cref="ToJson"/> (a stored result, another process's output) back into an equal report.</summary>
    /// <param name="json">JSON of schema version <see cref="JsonSchemaVersion"/>, or of an earlier version as earlier CorsProbe versions wrote it.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="System.Text.Json.JsonException">The text is not JSON, lacks a required member, or has a schema version above <see cref="JsonSchemaVersion"/>.</exception>
    public static CorsReport FromJson(string json) => Serialization.ReportJson.Read(json);

    /// <summary>
    /// The report as a SARIF 2.1.0 log, for GitHub code scanning and other SARIF readers: a rule per finding code, a
    /// result per finding at the level its severity under <see cref="Profile"/> gives, security findings with their CWE,
    /// located at the URL. Many reports make one log with <see cref="CorsSarif.ToSarif"/>.
    /// </summary>
    /// <returns>The SARIF log as JSON.</returns>
    public string ToSarif() => Serialization.SarifLog.Write([(this, Serialization.SarifLocation.ForUrl(this))]);

    /// <summary>A human-readable, multi-line account: verdicts, findings with remedies, exchanges and the curl command.</summary>
    /// <returns>The report as text.</returns>
    public override string ToString() => Reporting.ReportText.Render(this);
}

namespace CorsProbing.Cli;

/// <summary>The exit codes of <c>corsprobe</c>, for CI scripts, and the reason for each that is not 0.</summary>
public static class ExitCodes
{
    public const int Allowed = 0;
    public const int Denied = 1;
    public const int Unreachable = 2;
    public const int Inconclusive = 3;
    public const int UsageError = 64;

    /// <summary>The exit code of a report: its verdict, except that an allowed target with a Medium-or-worse security finding fails.</summary>
    public static int For(CorsReport report) =>
        report.Verdict == CorsVerdict.Allowed && Risky(report).Any() ? Denied : For(report.Verdict);

    public static int For(CorsVerdict verdict) => verdict switch
    {
        CorsVerdict.Allowed => Allowed,
        CorsVerdict.Denied => Denied,
        CorsVerdict.Inconclusive => Inconclusive,
        _ => Unreachable,
    };

    /// <summary>The exit code of a batch: the worst of its reports (unreachable beats denied beats inconclusive beats allowed).</summary>
    public static int For(IEnumerable<CorsReport> reports) => reports.Select(For).DefaultIfEmpty(Allowed).MaxBy(Rank);

    // The codes are numbers scripts already test for; how bad each is does not follow their order.
    private static int Rank(int code) => code switch
    {
        Allowed => 0,
        Inconclusive => 1,
        Denied => 2,
        _ => 3,
    };

    /// <summary>Why <paramref name="report"/> exits with a code other than 0, in a line; null when it exits 0.</summary>
    public static string? Reason(CorsReport report) => For(report) switch
    {
        Allowed => null,
        Denied when report.IsAllowed =>
            $"the call is allowed, but the audit found {string.Join(", ", Risky(report).Select(f => $"{f.Code} {f.Risk} ({f.Title})"))}.",
        Inconclusive =>
            $"inconclusive under the {report.Profile} profile ({string.Join(", ", Errors(report))}): nothing browsers would see decides a request; the report says what would settle it.",
        var code => $"{(code == Denied ? "denied" : "unreachable")} under the {report.Profile} profile ({string.Join(", ", Errors(report))}).",
    };

    /// <summary>Why a batch exits with a code other than 0: how many reports of each kind; null when it exits 0.</summary>
    public static string? Reason(IReadOnlyCollection<CorsReport> reports)
    {
        if (For(reports) == Allowed)
        {
            return null;
        }

        var denied = reports.Count(r => r.Verdict == CorsVerdict.Denied);
        var unreachable = reports.Count(r => r.Verdict == CorsVerdict.Unreachable);
        var inconclusive = reports.Count(r => r.Verdict == CorsVerdict.Inconclusive);
        var risky = reports.Count(r => r.IsAllowed && Risky(r).Any());
        var parts = new List<string>();
        if (unreachable > 0)
        {
            parts.Add($"{unreachable} unreachable");
        }

        if (denied > 0)
        {
            parts.Add($"{denied} denied");
        }

        if (inconclusive > 0)
        {
            parts.Add($"{inconclusive} inconclusive");
        }

        if (risky > 0)
        {
            parts.Add($"{risky} allowed with a Medium-or-worse audit finding");
        }

        return $"{string.Join(", ", parts)}, of {reports.Count} URLs.";
    }

    private static IEnumerable<CorsSecurityFinding> Risky(CorsReport report) => report.SecurityFindings.Where(f => f.Risk >= CorsRisk.Medium);

    private static IEnumerable<string> Errors(CorsReport report) =>
        report.Findings.Where(f => f.Severity == CorsSeverity.Error).Select(f => f.Code).Distinct();
}

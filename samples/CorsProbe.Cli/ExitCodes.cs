namespace CorsProbing.Cli;

/// <summary>The exit codes of <c>corsprobe</c>, for CI scripts.</summary>
public static class ExitCodes
{
    public const int Allowed = 0;
    public const int Denied = 1;
    public const int Unreachable = 2;
    public const int UsageError = 64;

    /// <summary>The exit code of a report: its verdict, except that an allowed target with a Medium-or-worse security finding fails.</summary>
    public static int For(CorsReport report) =>
        report.Verdict == CorsVerdict.Allowed && report.SecurityFindings.Any(f => f.Risk >= CorsRisk.Medium) ? Denied : For(report.Verdict);

    public static int For(CorsVerdict verdict) => verdict switch
    {
        CorsVerdict.Allowed => Allowed,
        CorsVerdict.Denied => Denied,
        _ => Unreachable,
    };

    /// <summary>The exit code of a batch: the worst of its reports (unreachable beats denied beats allowed).</summary>
    public static int For(IEnumerable<CorsReport> reports) => reports.Select(For).DefaultIfEmpty(Allowed).Max();
}

namespace CorsProbing;

/// <summary>SARIF 2.1.0 for many reports at once: one log, for GitHub code scanning and other SARIF readers.</summary>
public static class CorsSarif
{
    /// <summary>
    /// The reports as one SARIF 2.1.0 log: a rule per finding code that occurs, a result per finding at the level its
    /// severity under each report's profile gives (error, warning, note), security findings at the level of their risk
    /// with their CWE, each located at its report's URL (written as a path, as code scanning requires).
    /// </summary>
    /// <param name="reports">The reports, such as a batch's.</param>
    /// <returns>The SARIF log as JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> or one of them is null.</exception>
    public static string ToSarif(this IEnumerable<CorsReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return Serialization.SarifLog.Write(reports.Select(report =>
            (report ?? throw new ArgumentNullException(nameof(reports)), Serialization.SarifLocation.ForUrl(report))).ToList());
    }
}

namespace CorsProbing;

/// <summary>Thrown by <see cref="CorsReport.EnsureAllowed"/> when the verdict is not <see cref="CorsVerdict.Allowed"/>.</summary>
#pragma warning disable CA1032 // A CorsProbeException always carries the report that explains it.
public sealed class CorsProbeException : Exception
#pragma warning restore CA1032
{
    /// <summary>Creates the exception for <paramref name="report"/>; the message is the report's full text.</summary>
    /// <param name="report">The report that is not allowed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public CorsProbeException(CorsReport report)
        : base((report ?? throw new ArgumentNullException(nameof(report))).ToString())
    {
        Report = report;
    }

    /// <summary>The report, with every finding and exchange.</summary>
    public CorsReport Report { get; }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CorsProbing.Diagnostics;

/// <summary>
/// CorsProbe's traces and metrics, both named <c>CorsProbe</c>: a span per probe and per preflight, a duration histogram
/// and a probe counter. Plain <see cref="System.Diagnostics"/> types, so any OpenTelemetry SDK (or none) can listen.
/// </summary>
internal static class CorsProbeTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>.</summary>
    public const string Name = "CorsProbe";

    /// <summary>The source of the <c>corsprobe.probe</c> and <c>corsprobe.preflight</c> spans.</summary>
    public static readonly ActivitySource Source = new(Name, Http.ProductInfo.Version);

    private static readonly Meter Meter = new(Name, Http.ProductInfo.Version);

    private static readonly Histogram<double> ProbeDuration = Meter.CreateHistogram<double>(
        "corsprobe.probe.duration", unit: "s", description: "Duration of a whole probe, every preflight included.");

    private static readonly Counter<long> Probes = Meter.CreateCounter<long>(
        "corsprobe.probes", unit: "{probe}", description: "Probes completed, by verdict.");

    /// <summary>Starts the span of a whole probe, or returns null when nobody listens.</summary>
    public static Activity? StartProbe(Uri url, CorsProfile profile)
    {
        var activity = Source.StartActivity("corsprobe.probe", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("server.address", url.IdnHost);
            activity.SetTag("server.port", url.Port);
            activity.SetTag("corsprobe.profile", profile.ToString());
        }

        return activity;
    }

    /// <summary>Starts the span of one preflight, or returns null when nobody listens.</summary>
    public static Activity? StartPreflight(string method)
    {
        var activity = Source.StartActivity("corsprobe.preflight", ActivityKind.Client);
        activity?.SetTag("corsprobe.request_method", method);
        return activity;
    }

    /// <summary>Records a finished preflight on its span.</summary>
    public static void PreflightDone(Activity? activity, CorsExchange exchange)
    {
        if (activity is { IsAllDataRequested: true })
        {
            if (exchange.StatusCode is { } status)
            {
                activity.SetTag("http.response.status_code", status);
            }
            else
            {
                activity.SetStatus(ActivityStatusCode.Error, exchange.Error);
            }
        }
    }

    /// <summary>Records a finished probe on its span and in the metrics.</summary>
    public static void ProbeDone(Activity? activity, CorsReport report)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("corsprobe.verdict", report.Verdict.ToString());
            activity.SetTag("corsprobe.finding_codes", report.Findings.Select(f => f.Code).Distinct().ToArray());
        }

        if (ProbeDuration.Enabled || Probes.Enabled)
        {
            var tags = new TagList { { "corsprobe.verdict", report.Verdict.ToString() }, { "corsprobe.profile", report.Profile.ToString() } };
            ProbeDuration.Record(report.Elapsed.TotalSeconds, tags);
            Probes.Add(1, tags);
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CorsProbing.Tests.Diagnostics;

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryRunsAlone;

/// <summary>
/// The <c>CorsProbe</c> ActivitySource and Meter, observed the way an OpenTelemetry SDK would (run alone, so no other
/// test's probes are counted).
/// </summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;

    public TelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "CorsProbe",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "CorsProbe")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    [Fact]
    public async Task AProbe_IsOneSpan_WithHostProfileVerdictAndCodes()
    {
        await Probe.Through(StubCorsServer.Allowing(Probe.Origin, methods: "GET")).RequireMethods("PUT").RunAsync();

        var probe = _activities.Single(a => a.OperationName == "corsprobe.probe");
        probe.GetTagItem("server.address").Should().Be("api.example.com");
        probe.GetTagItem("corsprobe.profile").Should().Be("Browser");
        probe.GetTagItem("corsprobe.verdict").Should().Be("Denied");
        ((string[])probe.GetTagItem("corsprobe.finding_codes")!).Should().Contain("CORS011");
    }

    [Fact]
    public async Task EachPreflight_IsAChildSpan_WithItsMethodAndStatus()
    {
        await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RequireMethods("PUT", "DELETE").RunAsync();

        var probe = _activities.Single(a => a.OperationName == "corsprobe.probe");
        var preflights = _activities.Where(a => a.OperationName == "corsprobe.preflight").ToList();
        preflights.Select(a => a.GetTagItem("corsprobe.request_method")).Should().Equal("PUT", "DELETE");
        preflights.Should().OnlyContain(a => a.ParentSpanId == probe.SpanId && (int)a.GetTagItem("http.response.status_code")! == 204);
    }

    [Fact]
    public async Task AFailedPreflight_IsAnErrorSpan()
    {
        var report = await CorsProbe.For($"http://127.0.0.1:{Loopback.ClosedPort()}/api").WithOrigin(Probe.Origin).AllowLoopback().RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        _activities.Single(a => a.OperationName == "corsprobe.preflight").Status.Should().Be(ActivityStatusCode.Error);
    }

    [Fact]
    public async Task EveryProbe_IsCountedAndTimed_ByVerdict()
    {
        await Probe.Through(StubCorsServer.Allowing(Probe.Origin)).RequireMethods("PUT").RunAsync();
        await Probe.Through(StubCorsServer.Allowing(Probe.Origin, methods: "GET")).RequireMethods("PUT").RunAsync();

        var counted = _measurements.Where(m => m.Instrument == "corsprobe.probes").ToList();
        counted.Select(m => m.Tags["corsprobe.verdict"]).Should().BeEquivalentTo(["Allowed", "Denied"]);
        counted.Should().OnlyContain(m => m.Value == 1 && (string?)m.Tags["corsprobe.profile"] == "Browser");
        _measurements.Where(m => m.Instrument == "corsprobe.probe.duration").Should().HaveCount(2).And.OnlyContain(m => m.Value >= 0);
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible =>
        _measurements.Enqueue((instrument.Name, value.ToDouble(null), new Dictionary<string, object?>(tags.ToArray())));
}

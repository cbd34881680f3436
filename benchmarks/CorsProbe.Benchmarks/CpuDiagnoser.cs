using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

namespace CorsProbing.Benchmarks;

/// <summary>
/// The benchmark process's CPU time (user + kernel, every thread) over the actual workload runs, per operation: a
/// probe's cost on a shared machine, where wall time also counts waiting for the network and for other tenants.
/// </summary>
public sealed class CpuDiagnoser : IDiagnoser
{
    private TimeSpan _start;
    private TimeSpan _end;

    /// <inheritdoc />
    public IEnumerable<string> Ids => ["CPU"];

    /// <inheritdoc />
    public IEnumerable<IExporter> Exporters => [];

    /// <inheritdoc />
    public IEnumerable<IAnalyser> Analysers => [];

    /// <inheritdoc />
    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

    /// <inheritdoc />
    public bool RequiresBlockingAcknowledgments(BenchmarkCase benchmarkCase) => true;

    /// <inheritdoc />
    public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        if (signal == HostSignal.BeforeActualRun)
        {
            parameters.Process.Refresh();
            _start = parameters.Process.TotalProcessorTime;
        }
        else if (signal == HostSignal.AfterActualRun)
        {
            parameters.Process.Refresh();
            _end = parameters.Process.TotalProcessorTime;
        }
    }

    /// <inheritdoc />
    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        var operations = results.Measurements.Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Actual).Sum(m => m.Operations);
        yield return new Metric(CpuTimeDescriptor.Instance, operations == 0 ? 0 : (_end - _start).TotalNanoseconds / operations);
    }

    /// <inheritdoc />
    public void DisplayResults(ILogger logger)
    {
    }

    /// <inheritdoc />
    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];

    private sealed class CpuTimeDescriptor : IMetricDescriptor
    {
        public static readonly CpuTimeDescriptor Instance = new();

        public string Id => "CpuTime";

        public string DisplayName => "CPU/op";

        public string Legend => "Process CPU time (user + kernel, all threads) per operation over the actual workload runs";

        public string NumberFormat => "N2";

        public UnitType UnitType => UnitType.Time;

        public string Unit => "ns";

        public bool TheGreaterTheBetter => false;

        public int PriorityInCategory => 0;

        public bool GetIsAvailable(Metric metric) => true;
    }
}

/// <summary>Adds <see cref="CpuDiagnoser"/> to a benchmark class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CpuDiagnoserAttribute : Attribute, IConfigSource
{
    /// <inheritdoc />
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddDiagnoser(new CpuDiagnoser());
}

using BenchmarkDotNet.Running;

if (args is ["--scale", ..])
{
    await CorsProbing.Benchmarks.ScaleRun.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000);
    return 0;
}

// Exit non-zero when a benchmark fails to build or run, so the CI smoke run (--job Dry) catches rot.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(CorsProbing.Benchmarks.PreflightEvaluationBenchmarks).Assembly).Run(args);
var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;

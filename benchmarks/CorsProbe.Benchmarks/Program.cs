using BenchmarkDotNet.Running;

// Exit non-zero when a benchmark fails to build or run, so the CI smoke run (--job Dry) catches rot.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(CorsProbing.Benchmarks.PreflightEvaluationBenchmarks).Assembly).Run(args);
var failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
return failed ? 1 : 0;

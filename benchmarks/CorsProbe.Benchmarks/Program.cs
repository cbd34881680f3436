using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CorsProbing.Benchmarks.PreflightEvaluationBenchmarks).Assembly).Run(args);

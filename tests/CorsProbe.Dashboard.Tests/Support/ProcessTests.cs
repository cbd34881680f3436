namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>Tests that run dashboard processes and time what they do: alone, so the rest of the suite does not slow their clocks.</summary>
[CollectionDefinition(nameof(ProcessTests), DisableParallelization = true)]
public sealed class ProcessTests;

namespace CorsProbing.IntegrationTests.Support;

/// <summary>
/// Tests that count sockets, memory or unobserved exceptions for the whole process: they run after the parallel tests,
/// one at a time, so they see only their own traffic.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Runs alone";
}

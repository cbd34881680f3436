namespace CorsProbing.IntegrationTests.Support;

/// <summary>
/// Collects unobserved task exceptions that did not come from the tests' own servers: a faulted task CorsProbe (or the
/// HTTP stack under it) started and never awaited. Forcing a collection makes the finalizer report them now.
/// </summary>
public static class UnobservedExceptions
{
    private static readonly List<Exception> Seen = [];

    static UnobservedExceptions() => TaskScheduler.UnobservedTaskException += (_, e) =>
    {
        foreach (var exception in e.Exception.Flatten().InnerExceptions)
        {
            if (exception.StackTrace?.Contains("CorsProbing.IntegrationTests", StringComparison.Ordinal) != true)
            {
                lock (Seen)
                {
                    Seen.Add(exception);
                }
            }
        }
    };

    /// <summary>Starts listening (idempotent).</summary>
    public static void Watch()
    {
        // Touching the type runs the static constructor once.
    }

    /// <summary>Collects garbage so pending faulted tasks are finalized, and returns what was reported so far.</summary>
    public static IReadOnlyList<Exception> Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        lock (Seen)
        {
            return [.. Seen];
        }
    }
}

using CorsProbing.Batch;

namespace CorsProbing.OpenApi;

/// <summary>
/// Probes planned operations in one batch: ways of calling that ask the same preflight share one probe, and each
/// gets that probe's report back.
/// </summary>
internal static class OperationProbes
{
    /// <summary>The report of each of <paramref name="operations"/>, in their order.</summary>
    public static async Task<IReadOnlyList<CorsReport>> RunAsync(
        IReadOnlyList<PlannedOperation> operations, CorsProbeBuilder template, CorsBatchOptions options, CancellationToken cancellationToken)
    {
        var probeOf = new int[operations.Count];
        var distinct = new Dictionary<string, int>(StringComparer.Ordinal);
        var items = new List<BatchItem<int>>();
        for (var i = 0; i < operations.Count; i++)
        {
            var key = operations[i].ProbeKey;
            if (!distinct.TryGetValue(key, out var probe))
            {
                probe = items.Count;
                distinct.Add(key, probe);
                items.Add(BatchItem<int>.Of(Probe(template, operations[i]), probe, operations[i].Url));
            }

            probeOf[i] = probe;
        }

        var reports = new CorsReport[items.Count];
        await foreach (var result in BatchRunner.RunAsync(items, options, cancellationToken).ConfigureAwait(false))
        {
            reports[result.Key] = result.Report;
        }

        return [.. probeOf.Select(probe => reports[probe])];
    }

    // The template with the operation's method instead of its own, the operation's headers added to its own, and
    // credentials when the operation or the template sends them. Pointed at the operation's URL by the batch item.
    private static CorsProbeBuilder Probe(CorsProbeBuilder template, PlannedOperation operation)
    {
        var probe = new CorsProbeBuilder(template.Requirements with { Methods = [] }).RequireMethods(operation.Method);
        foreach (var (name, value) in operation.Headers)
        {
            probe = value is null ? probe.RequireHeaders(name) : probe.RequireHeader(name, value);
        }

        return operation.Credentials ? probe.WithCredentials() : probe;
    }
}

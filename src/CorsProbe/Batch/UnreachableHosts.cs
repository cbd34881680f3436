using System.Collections.Concurrent;

namespace CorsProbing.Batch;

/// <summary>
/// The endpoints (scheme, host and port) of a batch that a probe could not connect to: the name did not resolve, the
/// connection was refused, the TLS handshake failed, or the time ran out while connecting. The batch's other probes of
/// such an endpoint are not sent; each report says why. A response that is merely slow is not one of these: another
/// path of the same host may answer.
/// </summary>
internal sealed class UnreachableHosts
{
    private readonly ConcurrentDictionary<string, string> _reasons = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Why probes of <paramref name="url"/>'s endpoint are not sent, or null while it has not failed to connect.</summary>
    public string? Reason(Uri url) => !_reasons.IsEmpty && _reasons.TryGetValue(Endpoint(url), out var reason) ? reason : null;

    /// <summary>Remembers <paramref name="report"/>'s endpoint when its first request could not connect.</summary>
    public void Record(CorsReport report)
    {
        if (report.Preflights is [{ Failure: { NoConnection: true } failure } first, ..])
        {
            _reasons.TryAdd(
                Endpoint(first.Url),
                $"not sent: an earlier probe of {Endpoint(first.Url)} in this batch could not connect ({failure.Description.TrimEnd('.')}), so the batch does not try it again");
        }
    }

    private static string Endpoint(Uri url) => $"{url.Scheme}://{url.IdnHost}:{url.Port.ToString(CultureInfo.InvariantCulture)}";
}

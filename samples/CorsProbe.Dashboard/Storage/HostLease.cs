namespace CorsProbing.Dashboard.Storage;

/// <summary>A replica's claim on one host's due checks: it alone checks that host until the lease expires or is released.</summary>
/// <param name="Host">The host (as <see cref="Uri.IdnHost"/>, lower case): every registered API on it, whatever the port.</param>
/// <param name="Lease">The lease's number: each claim of the host takes the next, so a result written under an older one is refused.</param>
public sealed record HostLease(string Host, long Lease);

namespace CorsProbing.Dashboard.Watching;

/// <summary>How a replica names itself in the leases it holds: machine, process and a random part (a restarted process is a new replica).</summary>
internal static class ReplicaIdentity
{
    public static string New(string role) => $"{Environment.MachineName}/{Environment.ProcessId}/{role}/{Guid.NewGuid():N}";
}

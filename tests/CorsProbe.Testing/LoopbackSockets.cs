using System.Globalization;
using Xunit;

namespace CorsProbing.Testing;

/// <summary>
/// The client ends of this machine's TCP connections to a loopback port, read from <c>/proc/net/tcp</c> and
/// <c>/proc/net/tcp6</c> (a dual-mode socket, as .NET creates by default, is listed there): a socket
/// the probe forgot to close stays ESTABLISHED, or CLOSE_WAIT once the server has gone. Linux only, as CI is.
/// </summary>
public static class LoopbackSockets
{
    private const string Established = "01";
    private const string CloseWait = "08";
    private const string Listen = "0A";

    /// <summary>How many client sockets to <paramref name="port"/> are still open (ESTABLISHED or CLOSE_WAIT).</summary>
    public static int OpenTo(int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Socket accounting reads /proc/net/tcp: run these tests on Linux.");
        }

        var lines = File.ReadLines("/proc/net/tcp").Skip(1).Concat(File.ReadLines("/proc/net/tcp6").Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(fields => (Local: PortOf(fields[1]), Remote: PortOf(fields[2]), State: fields[3]))
            .ToList();

        // A server's accepted socket whose client happened to get `port` as its ephemeral port also has it as its remote
        // port; its local port is one that some socket listens on, which a client end's never is.
        var listening = lines.Where(s => s.State == Listen).Select(s => s.Local).ToHashSet();
        return lines.Count(s => s.Remote == port && s.State is Established or CloseWait && !listening.Contains(s.Local));
    }

    // "0100007F:1F90" (address:port, hex; 32 hex digits of address in tcp6) → 8080.
    private static int PortOf(string endpoint) =>
        int.Parse(endpoint.AsSpan(endpoint.IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>How many sockets this process holds open (file descriptors that are sockets), listening ones included.</summary>
    public static int HeldByThisProcess()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Socket accounting reads /proc/self/fd: run these tests on Linux.");
        }

        var count = 0;
        foreach (var descriptor in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // The descriptor closed while we looked.
            }
        }

        return count;
    }

    /// <summary>Waits up to <paramref name="patience"/> for the open client sockets to <paramref name="port"/> to drop to <paramref name="atMost"/>; returns the last count.</summary>
    public static async Task<int> SettleAsync(int port, int atMost, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        int open;
        while ((open = OpenTo(port)) > atMost && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return open;
    }
}

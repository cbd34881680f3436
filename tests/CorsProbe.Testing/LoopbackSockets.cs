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

    /// <summary>How many client sockets to <paramref name="port"/> are still open (ESTABLISHED or CLOSE_WAIT).</summary>
    public static int OpenTo(int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Socket accounting reads /proc/net/tcp: run these tests on Linux.");
        }

        var count = 0;
        foreach (var line in File.ReadLines("/proc/net/tcp").Skip(1).Concat(File.ReadLines("/proc/net/tcp6").Skip(1)))
        {
            // "  sl  local_address rem_address   st ...": rem_address is "0100007F:1F90" (address:port, hex; 32 hex digits of address in tcp6).
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var remotePort = int.Parse(fields[2].AsSpan(fields[2].IndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (remotePort == port && fields[3] is Established or CloseWait)
            {
                count++;
            }
        }

        return count;
    }

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

using System.Net.Sockets;
using System.Net;
using CorsProbing.Testing;

namespace CorsProbing.IntegrationTests;

/// <summary>The socket accounting the leak checks rely on sees an open client socket, and sees it go.</summary>
public class LoopbackSocketsTests
{
    [Fact]
    public async Task AnOpenClientSocket_IsCounted_UntilItCloses()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        using var server = await listener.AcceptSocketAsync(TestContext.Current.CancellationToken);

        LoopbackSockets.OpenTo(port).Should().Be(1);

        client.Dispose();
        (await LoopbackSockets.SettleAsync(port, 0, TimeSpan.FromSeconds(3))).Should().Be(0);
    }

    [Fact]
    public async Task AClientSocketLeftOpenAfterTheServerCloses_IsStillCounted()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        (await listener.AcceptSocketAsync(TestContext.Current.CancellationToken)).Dispose();

        (await LoopbackSockets.SettleAsync(port, 0, TimeSpan.FromMilliseconds(300))).Should().Be(1, "CLOSE_WAIT is a leak");
    }
}

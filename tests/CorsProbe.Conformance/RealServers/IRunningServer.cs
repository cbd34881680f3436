namespace CorsProbing.Conformance.RealServers;

/// <summary>A real server of the suite, running on a loopback TLS port until disposed.</summary>
public interface IRunningServer : IAsyncDisposable
{
    /// <summary>The loopback TLS port.</summary>
    int Port { get; }
}

using System.Diagnostics;

namespace CorsProbing.Benchmarks;

/// <summary>A server a benchmark runs in a process of its own, with the temporary directory it works in; disposing stops both.</summary>
internal sealed class ServerProcess(Process process, string directory) : IDisposable
{
    /// <summary>Whether the server has stopped on its own.</summary>
    public bool HasExited => process.HasExited;

    /// <inheritdoc />
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}

using System.Diagnostics;

namespace CorsProbing.Conformance.Support;

/// <summary>
/// A tool the suite runs for the length of a test (Chromium, nginx, node), with its own temporary directory. Its output
/// is drained (or, on request, left for the caller to read); disposing kills the whole process tree and deletes the
/// directory.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private ChildProcess(Process process, string directory)
    {
        Process = process;
        Directory = directory;
    }

    /// <summary>The running process.</summary>
    public Process Process { get; }

    /// <summary>The temporary directory that lives as long as the process.</summary>
    public string Directory { get; }

    /// <summary>Creates the temporary directory, for a tool whose configuration must be written before it starts.</summary>
    public static string NewDirectory(string prefix) => System.IO.Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>
    /// Starts <paramref name="executable"/>, with <paramref name="environment"/> added to its environment; standard output
    /// is drained unless <paramref name="readOutput"/>.
    /// </summary>
    public static ChildProcess Start(
        string executable, IEnumerable<string> arguments, string directory, string? workingDirectory = null, bool readOutput = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        if (!readOutput)
        {
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
        }

        return new ChildProcess(process, directory);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync();
        Process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A child may still hold a file for a moment; the temporary directory is cleaned eventually.
        }
    }
}

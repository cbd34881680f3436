using System.Diagnostics;

namespace CorsProbing.Conformance.Support;

/// <summary>The version a tool prints.</summary>
public static class VersionLine
{
    /// <summary>The first line <paramref name="executable"/> prints for <paramref name="argument"/>, trimmed.</summary>
    public static string Of(string executable, string argument)
    {
        using var process = Process.Start(new ProcessStartInfo(executable, argument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output.Trim().Split('\n')[0].Trim();
    }
}

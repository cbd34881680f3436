using System.Diagnostics;

namespace CorsProbing.Testing;

/// <summary>
/// Microsoft's SARIF validator, <c>sarif-multitool validate</c> (npm's <c>@microsoft/sarif-multitool</c>, installed by
/// <c>.ci/run</c> into tests/CorsProbe.Testing/SarifMultitool), with the SARIF rules and GitHub code scanning's (Ghas).
/// </summary>
public static class SarifValidator
{
    /// <summary>The validator's verdict on a log: its exit code and what it printed (one line per problem).</summary>
    public sealed record Validation(int ExitCode, string Output)
    {
        /// <summary>The errors and warnings it printed, each a line such as <c>log.sarif(12,5): warning SARIF2017: …</c>.</summary>
        public IReadOnlyList<string> Problems =>
            [.. Output.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal) || line.Contains(": warning ", StringComparison.Ordinal)).Select(line => line.TrimEnd())];
    }

    /// <summary>Validates <paramref name="sarif"/>; skips without the validator (fails under CI).</summary>
    public static async Task<Validation> ValidateAsync(string sarif, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Repository.Root, "tests", "CorsProbe.Testing", "SarifMultitool");
        var tool = RequiredTool.Find(
            "sarif-multitool",
            $"npm ci --prefix {Path.GetRelativePath(Repository.Root, directory)}",
            Path.Combine(directory, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool"));

        // npm does not run the package's install script that marks the native tool executable.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, File.GetUnixFileMode(tool) | UnixFileMode.UserExecute);
        }
        var work = Directory.CreateTempSubdirectory("corsprobe-sarif-");
        try
        {
            var log = Path.Combine(work.FullName, "log.sarif");
            await File.WriteAllTextAsync(log, sarif, cancellationToken);
            var start = new ProcessStartInfo(tool)
            {
                ArgumentList = { "validate", log, "--output", Path.Combine(work.FullName, "validation.sarif"), "--log", "ForceOverwrite", "--rule-kind", "Sarif;Ghas" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new(process.ExitCode, await output + await error);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace CorsProbing.Packaging.Tests;

/// <summary>Runs <c>dotnet</c> (or a built program) as a child process and captures what it prints.</summary>
public static class Dotnet
{
    public sealed record Result(int ExitCode, string Output)
    {
        public Result ShouldSucceed(string what)
        {
            ExitCode.Should().Be(0, $"{what} must succeed:{Environment.NewLine}{Output}");
            return this;
        }

        /// <summary>
        /// The warnings a build printed, but for SourceLink's notices about the clone's git remote (none, or a local
        /// path), which depend on the checkout, not the code.
        /// </summary>
        public IEnumerable<string> Warnings => Output.Split('\n').Where(line =>
            line.Contains("warning", StringComparison.OrdinalIgnoreCase)
            && !line.Contains("Microsoft.Build.Tasks.Git", StringComparison.Ordinal)
            && !line.Contains("Microsoft.SourceLink", StringComparison.Ordinal));
    }

    public static Task<Result> RunAsync(IEnumerable<string> arguments, string workingDirectory, TimeSpan limit) =>
        RunProgramAsync("dotnet", arguments, workingDirectory, limit);

    public static async Task<Result> RunProgramAsync(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A child build must not reuse this run's build servers or telemetry prompts.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = new StringBuilder();
        var reading = Task.WhenAll(Pump(process.StandardOutput, output), Pump(process.StandardError, output));
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran longer than {limit}:{Environment.NewLine}{output}");
        }

        await reading;
        return new Result(process.ExitCode, output.ToString());
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }
}

using System.Diagnostics;
using CorsProbing.Testing;

namespace CorsProbing.Packaging.Tests;

/// <summary>
/// The AOT smoke app (tests/CorsProbe.AotSmoke) published with Native AOT: zero trim or AOT warnings, and the native
/// binary probes, audits and round-trips a report through JSON against a loopback server.
/// </summary>
[Collection(nameof(PackagingTests))]
public sealed class NativeAotTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task TheSmokeApp_PublishesWithoutWarnings_AndProbesNatively()
    {
        RequiredTool.OnPath(ToolPackages.Clang, ToolPackages.InstallClang);
        var output = Path.Combine(_workspace.Scratch, "aot");

        var publish = (await Dotnet.RunAsync(
                ["publish", Path.Combine(Workspace.Root, "tests", "CorsProbe.AotSmoke", "CorsProbe.AotSmoke.csproj"), "-c", "Release", "-r", "linux-x64", "-o", output],
                Workspace.Root,
                TimeSpan.FromMinutes(10)))
            .ShouldSucceed("dotnet publish with PublishAot");
        publish.Warnings.Should().BeEmpty("Native AOT publishing must be warning-free");

        var binary = Path.Combine(output, "CorsProbe.AotSmoke");
        var clock = Stopwatch.StartNew();
        var run = await Dotnet.RunProgramAsync(binary, [], output, TimeSpan.FromMinutes(1));
        var wall = clock.Elapsed;

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("verdict=Allowed").And.Contain("json-roundtrip=True").And.Contain("security=0");
        TestContext.Current.TestOutputHelper?.WriteLine($"binary {new FileInfo(binary).Length / 1024} KiB, process wall time {wall.TotalMilliseconds:0} ms: {run.Output.Trim()}");
    }
}

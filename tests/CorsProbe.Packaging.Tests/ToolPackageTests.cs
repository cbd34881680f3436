using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using CorsProbing.Testing;

namespace CorsProbing.Packaging.Tests;

/// <summary>
/// The <c>corsprobe</c> tool as users install it from a feed: on linux-x64 the Native AOT command, published without a
/// trim or AOT warning; elsewhere the framework-dependent tool. Both probe a loopback server the same way.
/// </summary>
[Collection(nameof(PackagingTests))]
public sealed class ToolPackageTests(ToolPackages packages) : IClassFixture<ToolPackages>
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    private Workspace Workspace => packages.Workspace;

    [Fact]
    public void ThePackageUsersInstall_PointsToTheNativeCommand_AndToTheFrameworkDependentFallback()
    {
        using var package = ZipFile.OpenRead(Workspace.PackagePath("CorsProbe.Tool"));
        var settings = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal)).Open());

        var pointers = settings.Descendants("RuntimeIdentifierPackage").ToDictionary(e => e.Attribute("RuntimeIdentifier")!.Value, e => e.Attribute("Id")!.Value);
        pointers.Should().Equal(new Dictionary<string, string> { ["linux-x64"] = "CorsProbe.Tool.linux-x64", ["any"] = "CorsProbe.Tool.any" });
        settings.Descendants("Command").Single().Attribute("Name")!.Value.Should().Be("corsprobe");
        package.Entries.Select(e => e.FullName).Should().Contain("README.md");
    }

    [Fact]
    public void TheNativeCommand_PublishesWithoutTrimOrAotWarnings()
    {
        RequiredTool.OnPath(ToolPackages.Clang, ToolPackages.InstallClang);
        packages.NativePack.Output.Should().Contain("Generating native code");
        packages.NativePack.Warnings.Should().BeEmpty("trim and AOT warnings are errors for the tool, and none may appear");
    }

    [Fact]
    public async Task OnLinuxX64_InstallingTheTool_GivesTheNativeCommand_WhichProbesALoopbackServer()
    {
        RequiredTool.OnPath(ToolPackages.Clang, ToolPackages.InstallClang);
        var corsprobe = await InstallAsync("CorsProbe.Tool", "native");

        var binary = new FileInfo(corsprobe).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? corsprobe;
        binary.Should().Contain("corsprobe.tool.linux-x64", "dotnet tool install takes the package for the machine's RID");
        (await File.ReadAllBytesAsync(binary, TestContext.Current.CancellationToken)).AsSpan(0, 4).ToArray()
            .Should().Equal([0x7F, (byte)'E', (byte)'L', (byte)'F'], "the command is a native executable");
        Directory.GetFiles(Path.GetDirectoryName(binary)!, "*.dll").Should().BeEmpty("a Native AOT command needs no managed assemblies");
        Directory.GetFiles(Path.GetDirectoryName(binary)!, "*.dbg").Should().BeEmpty("the command's native symbols stay out of the package");

        await ShouldProbeLikeTheToolAsync(corsprobe);
    }

    [Fact]
    public async Task TheFrameworkDependentFallback_InstallsAndProbesALoopbackServer()
    {
        // What `dotnet tool install CorsProbe.Tool` resolves to on a RID without a native package.
        var corsprobe = await InstallAsync("CorsProbe.Tool.any", "fallback");

        Directory.GetFiles(Path.Combine(Path.GetDirectoryName(corsprobe)!, ".store"), "CorsProbe.Cli.dll", SearchOption.AllDirectories)
            .Should().ContainSingle("the fallback runs on the installed .NET runtime");

        await ShouldProbeLikeTheToolAsync(corsprobe);
    }

    private async Task<string> InstallAsync(string package, string folder)
    {
        var tools = Path.Combine(Workspace.Scratch, folder);
        Workspace.WriteNuGetConfig(Workspace.Scratch);
        (await Dotnet.RunAsync(["tool", "install", package, "--tool-path", tools, "--version", Workspace.Version, "--add-source", Workspace.Feed], Workspace.Scratch, Limit))
            .ShouldSucceed($"dotnet tool install {package}");
        return Path.Combine(tools, OperatingSystem.IsWindows() ? "corsprobe.exe" : "corsprobe");
    }

    private async Task ShouldProbeLikeTheToolAsync(string corsprobe)
    {
        await using var server = new PreflightAnsweringServer();

        var clock = Stopwatch.StartNew();
        var allowed = await Dotnet.RunProgramAsync(corsprobe, [server.Url, "--origin", "https://dashboard.galxe.com", "-m", "PUT", "--allow-local"], Workspace.Scratch, Limit);
        var wall = clock.Elapsed;
        var refused = await Dotnet.RunProgramAsync(corsprobe, [server.Url, "--origin", "https://dashboard.galxe.com", "-m", "PUT", "--json"], Workspace.Scratch, Limit);
        var usage = await Dotnet.RunProgramAsync(corsprobe, ["--origin"], Workspace.Scratch, Limit);

        allowed.ExitCode.Should().Be(0, allowed.Output);
        allowed.Output.Should().StartWith("CORS ALLOWED:", "redirected output is plain text");
        refused.ExitCode.Should().Be(2, refused.Output);
        refused.Output.Should().Contain("\"CORS016\"");
        usage.ExitCode.Should().Be(64, usage.Output);
        server.Requests.Should().BeGreaterThan(0);
        TestContext.Current.TestOutputHelper?.WriteLine($"{corsprobe}: one probe, process wall time {wall.TotalMilliseconds:0} ms");
    }
}

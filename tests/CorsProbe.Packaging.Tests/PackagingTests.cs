using System.IO.Compression;
using System.Xml.Linq;
using CorsProbing.Testing;

namespace CorsProbing.Packaging.Tests;

/// <summary>Alone: the tests pack and build the repository's projects, which must not happen twice at once.</summary>
[CollectionDefinition(nameof(PackagingTests), DisableParallelization = true)]
public sealed class PackagingRunsAlone;

/// <summary>
/// The library's packages as users get them: what they contain, reproducible builds, and a throwaway project that
/// references CorsProbe from a local feed and probes a loopback server (the tool's packages: <see cref="ToolPackageTests"/>).
/// </summary>
[Collection(nameof(PackagingTests))]
public sealed class PackagingTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task TheCorePackage_HasBothTargets_Docs_Readme_License_AndSymbols()
    {
        await _workspace.PackAsync("src/CorsProbe/CorsProbe.csproj", Limit);

        using var package = ZipFile.OpenRead(_workspace.PackagePath("CorsProbe"));
        var entries = package.Entries.Select(e => e.FullName).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, package.Entries.Select(e => $"{e.Length,10}  {e.FullName}")));
        entries.Should().Contain(["README.md", "lib/net8.0/CorsProbe.dll", "lib/net8.0/CorsProbe.xml", "lib/net10.0/CorsProbe.dll", "lib/net10.0/CorsProbe.xml"]);

        var nuspec = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Value("license").Should().Be("MIT");
        Value("readme").Should().Be("README.md");
        metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value.Should().StartWith("https://github.com/");
        metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Should().BeEmpty("the core depends on the BCL only");

        using var symbols = ZipFile.OpenRead(_workspace.PackagePath("CorsProbe", "snupkg"));
        symbols.Entries.Select(e => e.FullName).Should().Contain(["lib/net8.0/CorsProbe.pdb", "lib/net10.0/CorsProbe.pdb"]);
    }

    [Fact]
    public async Task UnderCI_TwoCleanBuilds_PackTheSameAssemblies()
    {
        var first = await PackCleanAsync("first");
        var second = await PackCleanAsync("second");

        first.Should().NotBeEmpty().And.Equal(second, "ContinuousIntegrationBuild and Deterministic make the build reproducible");
    }

    // Packs the core into its own feed from a build in an emptied bin/obj folder (--artifacts-path; the same folder each
    // time, since the PDB's path is part of the assembly), and hashes the packed assemblies.
    private async Task<List<string>> PackCleanAsync(string name)
    {
        var feed = Path.Combine(_workspace.Scratch, name);
        var build = Path.Combine(_workspace.Scratch, "clean-build");
        if (Directory.Exists(build))
        {
            Directory.Delete(build, recursive: true);
        }

        (await Dotnet.RunAsync(
                ["pack", Path.Combine(Workspace.Root, "src", "CorsProbe", "CorsProbe.csproj"), "-c", "Release", "-o", feed, "--artifacts-path", build,
                 $"-p:Version={_workspace.Version}", "-p:ContinuousIntegrationBuild=true"],
                Workspace.Root,
                Limit))
            .ShouldSucceed($"dotnet pack ({name})");
        using var package = ZipFile.OpenRead(Path.Combine(feed, $"CorsProbe.{_workspace.Version}.nupkg"));
        return [.. package.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e =>
        {
            using var stream = e.Open();
            return $"{e.FullName} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream))}";
        })];
    }

    [Fact]
    public async Task AProjectReferencingThePackage_FromTheLocalFeed_ProbesALoopbackServer()
    {
        await _workspace.PackAsync("src/CorsProbe/CorsProbe.csproj", Limit);
        await using var server = new PreflightAnsweringServer();
        var project = Consumer("consumer", "Microsoft.NET.Sdk", [("CorsProbe", _workspace.Version)], """
            using CorsProbing;

            var report = await CorsProbe.For(args[0]).WithOrigin("https://dashboard.galxe.com").RequireMethods("PUT").AllowLoopback().ProbeAsync();
            Console.WriteLine($"verdict={report.Verdict}");
            return report.IsAllowed ? 0 : 1;
            """);

        var run = (await Dotnet.RunAsync(["run", "--", server.Url], project, Limit)).ShouldSucceed("the consumer project");

        run.Output.Should().Contain("verdict=Allowed");
        server.Requests.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task TheOpenApiPackage_RestoresBesideAspNetCoresOwnOpenApiPackage_AndProbesEveryOperation()
    {
        await _workspace.PackAsync("src/CorsProbe/CorsProbe.csproj", Limit);
        await _workspace.PackAsync("src/CorsProbe.OpenApi/CorsProbe.OpenApi.csproj", Limit);
        using (var package = ZipFile.OpenRead(_workspace.PackagePath("CorsProbe.OpenApi")))
        {
            package.Entries.Select(e => e.FullName).Should().Contain(["README.md", "lib/net8.0/CorsProbe.OpenApi.dll", "lib/net10.0/CorsProbe.OpenApi.xml"]);
        }

        await using var server = new PreflightAnsweringServer();
        var project = Consumer("openapi-consumer", "Microsoft.NET.Sdk.Web", [("CorsProbe.OpenApi", _workspace.Version), ("Microsoft.AspNetCore.OpenApi", "10.0.15")], """
            using CorsProbing.OpenApi;

            var document = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a: {get: {responses: {'200': {description: ok}}}, put: {responses: {'200': {description: ok}}}}\n";
            var report = await OpenApiProbe.FromText(document).WithServer(args[0]).WithOrigin("https://dashboard.galxe.com").ConfigureProbes(p => p.AllowLoopback()).ProbeAsync();
            Console.WriteLine($"summary={report.Summary}");
            return report.IsAllowed ? 0 : 1;
            """);

        var run = (await Dotnet.RunAsync(["run", "--", server.Url], project, Limit)).ShouldSucceed("the consumer project with ASP.NET Core's OpenAPI package");

        run.Output.Should().Contain("summary=2 operations: 2 allowed, 0 denied, 0 unreachable");
    }

    // A throwaway executable project in the scratch folder, restoring from the local feed (and the machine's sources).
    private string Consumer(string name, string sdk, (string Id, string Version)[] packages, string program)
    {
        var project = Path.Combine(_workspace.Scratch, name);
        Directory.CreateDirectory(project);
        _workspace.WriteNuGetConfig(project);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
            {string.Concat(packages.Select(p => $"    <PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" />\n"))}  </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), program);
        return project;
    }
}

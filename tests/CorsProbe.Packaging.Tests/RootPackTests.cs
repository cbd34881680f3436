using CorsProbing.Testing;

namespace CorsProbing.Packaging.Tests;

/// <summary><c>dotnet pack</c> at the root packs the packages and passes the samples that are not packages by in silence.</summary>
public sealed class RootPackTests
{
    public static TheoryData<string> Samples() =>
        [.. Directory.EnumerateFiles(Path.Combine(Repository.Root, "samples"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Repository.Root, path))];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task PackingAtTheRoot_PrintsNoWarningForTheSample(string project)
    {
        var result = (await Dotnet.RunAsync(
            ["msbuild", project, "-getProperty:IsPackable", "-getProperty:WarnOnPackingNonPackableProject"], Repository.Root, TimeSpan.FromMinutes(2)))
            .ShouldSucceed($"evaluating {project}");

        // A project that is not packable warns when packed only where its SDK asks for the warning (the Web SDK does).
        var properties = System.Text.Json.JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("Properties");
        var packable = properties.GetProperty("IsPackable").GetString() == "true";
        var warns = properties.GetProperty("WarnOnPackingNonPackableProject").GetString() == "true";
        (packable || !warns).Should().BeTrue($"{project} is not a package, and `dotnet pack` at the root would warn about it");
    }
}

using CorsProbing.Testing;

namespace CorsProbing.Packaging.Tests;

/// <summary>
/// The repository, and a scratch folder with a local package feed whose packages carry a version unique to this run,
/// so no NuGet cache can serve a stale build.
/// </summary>
public sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Scratch);
    }

    public static string Root { get; } = Repository.Root;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "corsprobe-packaging-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(Folder, "feed");

    public string Scratch => Path.Combine(Folder, "scratch");

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}";

    /// <summary>
    /// Packs <paramref name="project"/> (relative to the repository) into the feed at this run's version; with
    /// <paramref name="runtimeIdentifier"/>, the tool package for that RID.
    /// </summary>
    public async Task<Dotnet.Result> PackAsync(string project, TimeSpan limit, string? runtimeIdentifier = null)
    {
        List<string> arguments = ["pack", Path.Combine(Root, project), "-c", "Release", "-o", Feed, $"-p:Version={Version}", "-p:ContinuousIntegrationBuild=true"];
        if (runtimeIdentifier is not null)
        {
            arguments.AddRange(["-r", runtimeIdentifier]);
        }

        return (await Dotnet.RunAsync(arguments, Root, limit)).ShouldSucceed($"dotnet pack {project} {runtimeIdentifier}");
    }

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>A nuget.config for the scratch projects: this run's feed, added to the machine's own sources.</summary>
    public string WriteNuGetConfig(string folder)
    {
        var path = Path.Combine(folder, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="corsprobe-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned by the system.
        }
    }
}

using CorsProbing.Testing;

namespace CorsProbing.Packaging.Tests;

/// <summary>
/// The <c>corsprobe</c> tool's three packages in one local feed, packed once for the tests that install them: the
/// package users install (<c>CorsProbe.Tool</c>, which only points to the others), the Native AOT command for
/// linux-x64 and the framework-dependent fallback for every other platform.
/// </summary>
public sealed class ToolPackages : IAsyncLifetime
{
    public const string Project = "samples/CorsProbe.Cli/CorsProbe.Cli.csproj";

    /// <summary>The linker Native AOT needs, and how to install it with zlib's headers.</summary>
    public const string Clang = "clang";

    public const string InstallClang = "sudo apt-get install -y clang zlib1g-dev";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    public Workspace Workspace { get; } = new();

    /// <summary>What <c>dotnet pack -r linux-x64</c> printed while it published the native command.</summary>
    public Dotnet.Result NativePack { get; private set; } = new(-1, string.Empty);

    public async ValueTask InitializeAsync()
    {
        await Workspace.PackAsync(Project, Limit);
        await Workspace.PackAsync(Project, Limit, "any");

        // Native AOT links with clang: without it the native tests skip (fail under CI), the fallback's still run.
        if (RequiredTool.IsOnPath(Clang))
        {
            NativePack = await Workspace.PackAsync(Project, Limit, "linux-x64");
        }
    }

    public ValueTask DisposeAsync()
    {
        Workspace.Dispose();
        return ValueTask.CompletedTask;
    }
}

namespace CorsProbing.Tests.Support;

/// <summary>The repository the tests run from (README, docs): the folder holding CorsProbe.sln above the test binaries.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CorsProbe.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CorsProbe.sln not found above the test binaries.");
    }
}

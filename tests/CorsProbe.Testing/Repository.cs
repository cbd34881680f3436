namespace CorsProbing.Testing;

/// <summary>Locates the repository the tests were built from (for the checked-in recording and docs).</summary>
public static class Repository
{
    /// <summary>The directory holding <c>CorsProbe.sln</c>, found by walking up from the test assembly.</summary>
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CorsProbe.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException("CorsProbe.sln was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>True when the run should rewrite the recording and docs/conformance.md (<c>CORSPROBE_RECORD=1</c>).</summary>
    public static bool Recording => Environment.GetEnvironmentVariable("CORSPROBE_RECORD") == "1";
}

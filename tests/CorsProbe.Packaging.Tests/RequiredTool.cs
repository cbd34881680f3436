namespace CorsProbing.Packaging.Tests;

/// <summary>A program a test needs: skipped locally when missing (with the install command), a failure under <c>CI=true</c>.</summary>
public static class RequiredTool
{
    public const string Clang = "clang";

    public const string InstallClang = "sudo apt-get install -y clang zlib1g-dev";

    public static bool IsInstalled(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    public static void Require(string program, string install)
    {
        if (IsInstalled(program))
        {
            return;
        }

        var message = $"{program} is not installed; install it with: {install}";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException($"CI: {message}");
        }

        Assert.Skip(message);
    }
}

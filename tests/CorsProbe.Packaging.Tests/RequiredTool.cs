namespace CorsProbing.Packaging.Tests;

/// <summary>A program a test needs: skipped locally when missing (with the install command), a failure under <c>CI=true</c>.</summary>
public static class RequiredTool
{
    public static void Require(string program, string install)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
        if (found)
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

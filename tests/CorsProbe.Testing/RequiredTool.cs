using Xunit;

namespace CorsProbing.Testing;

/// <summary>
/// Finds a tool a live test needs. On a developer machine without it the test skips with the install command; under
/// <c>CI=true</c> a missing tool fails the test, so nothing is silently skipped in CI.
/// </summary>
public static class RequiredTool
{
    /// <summary>Whether the run is CI's (<c>CI=true</c>).</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the first of <paramref name="candidates"/> that exists; otherwise skips (or fails in CI).</summary>
    public static string Find(string tool, string install, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var message = $"{tool} is not installed (looked for {string.Join(", ", candidates)}). Install it with: {install}";
        if (InCi)
        {
            throw new InvalidOperationException($"CI=true: {message}");
        }

        Assert.Skip(message);
        return string.Empty;
    }

    /// <summary>Whether <paramref name="program"/> is on the <c>PATH</c>.</summary>
    public static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    /// <summary>Requires <paramref name="program"/> on the <c>PATH</c>: skips without it (or fails in CI).</summary>
    public static void OnPath(string program, string install)
    {
        if (!IsOnPath(program))
        {
            Find(program, install);
        }
    }
}

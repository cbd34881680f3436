using CorsProbing.Dashboard.Tests.Browser;
using CorsProbing.Testing;

namespace CorsProbing.Dashboard.Tests;

/// <summary>The README shows the dashboard as its browser tests last saw it.</summary>
public sealed class DocumentationTests
{
    [Fact]
    public void The_readme_shows_the_screenshot_the_browser_tests_take()
    {
        var screenshot = Path.Combine(Repository.Root, DashboardPageTests.Screenshot);

        File.Exists(screenshot).Should().BeTrue("CORSPROBE_RECORD=1 dotnet test tests/CorsProbe.Dashboard.Tests writes it");
        File.ReadAllBytes(screenshot).AsSpan(0, 8).ToArray().Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
        File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Should().Contain($"]({DashboardPageTests.Screenshot})");
    }

    [Fact]
    public void The_readme_names_the_command_that_starts_the_dashboard()
    {
        File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Should().Contain("dotnet run --project samples/CorsProbe.Dashboard");
    }
}

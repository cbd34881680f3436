using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using CorsProbing.Dashboard.Storage;
using CorsProbing.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CorsProbing.Dashboard.Tests;

/// <summary>The conventions a container platform relies on: its address variables, health probes, no demo in production.</summary>
[Collection(nameof(ProcessTests))]
public sealed class DeploymentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Addresses => new()
    {
        { "ASPNETCORE_URLS", "http://127.0.0.1:{0}" },
        { "ASPNETCORE_HTTP_PORTS", "{0}" },
        { "--urls", "http://127.0.0.1:{0}" },
    };

    [Theory, MemberData(nameof(Addresses))]
    public async Task The_address_a_platform_chooses_is_honoured_and_production_runs_no_demo(string setting, string value)
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("corsprobe-dashboard-process-").FullName;
        var address = string.Format(System.Globalization.CultureInfo.InvariantCulture, value, port);
        var environment = new Dictionary<string, string>
        {
            ["Dashboard__DataFolder"] = data,
            [$"Dashboard__Accounts__{DashboardFactory.Account}__ApiKey"] = DashboardFactory.KeyOf(DashboardFactory.Account),
        };
        string[] arguments = setting.StartsWith("--", StringComparison.Ordinal) ? [setting, address] : [];
        if (arguments.Length == 0)
        {
            environment[setting] = address;
        }

        try
        {
            await using var dashboard = await DashboardProcess.StartAsync(environment, arguments);

            new Uri(dashboard.Url).Port.Should().Be(port);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            (await client.GetStringAsync("/health", Ct)).Should().Be("Healthy");
            (await client.GetStringAsync("/health/ready", Ct)).Should().Be("Healthy");
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardFactory.KeyOf(DashboardFactory.Account));
            (await client.GetAsync("/api/demo", Ct)).StatusCode.Should().Be(HttpStatusCode.NotFound, "the demo runs in Development or with Dashboard:Demo only");
            (await client.GetStringAsync("/api/apis", Ct)).Should().Be("[]", "production registers nothing of its own");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Dotnet_run_takes_its_default_address_from_the_launch_profile_and_yields_to_ASPNETCORE_URLS()
    {
        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("corsprobe-dashboard-run-").FullName;
        try
        {
            await using var dashboard = await DashboardProcess.StartAsync(
                new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["Dashboard__DataFolder"] = data }, dotnetRun: true);

            dashboard.Url.Should().Be($"http://127.0.0.1:{port}", "ASPNETCORE_URLS wins over the launch profile's default (http://127.0.0.1:5080)");
            dashboard.Output.Should().Contain("Hosting environment: Development", "dotnet run applies the launch profile");
            using var client = new HttpClient { BaseAddress = new Uri(dashboard.Url) };
            (await client.GetStringAsync("/health/ready", Ct)).Should().Be("Healthy");
            (await client.GetStringAsync("/account", Ct)).Should().Contain("\"developmentAccounts\":[\"alice\",\"bob\"]", "Development offers the demo's accounts");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_the_start_naming_the_setting()
    {
        await using var dashboard = new DashboardFactory(("Dashboard:Database", "postgres"));

        var starting = () => dashboard.CreateClient();

        starting.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*set ConnectionStrings:Dashboard*");
    }

    [Fact]
    public async Task Readiness_fails_while_the_database_is_not_at_this_builds_schema()
    {
        await using var dashboard = new DashboardFactory();
        using var client = dashboard.CreateClientFor(null);
        (await client.GetStringAsync("/health/ready", Ct)).Should().Be("Healthy");

        var database = dashboard.Services.GetRequiredService<DashboardDatabase>();
        await using (var connection = await database.OpenAsync(Ct))
        await using (var command = DashboardDatabase.Execute(connection, null, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from a newer build', 0)"))
        {
            await command.ExecuteNonQueryAsync(Ct);
        }

        using var ready = await client.GetAsync("/health/ready", Ct);
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetStringAsync("/health", Ct)).Should().Be("Healthy", "liveness does not depend on the database: restarting would not fix it");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CorsProbing.IntegrationTests;

/// <summary>CorsProbe in an API team's test suite: ASP.NET Core TestServer as the handler, no sockets.</summary>
public class TestServerTests
{
    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddCors(AspNetCorsServer.ConfigurePolicies);
        var app = builder.Build();
        AspNetCorsServer.MapPolicies(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    [Fact]
    public async Task ATestServerHandler_DrivesTheProbe()
    {
        await using var app = await StartAsync();
        var server = app.GetTestServer();

        var report = await CorsProbe.For("http://localhost/methods")
            .WithOrigin(AspNetCorsServer.Galxe)
            .RequireMethods("PUT")
            .UsingHandler(server.CreateHandler())
            .ProbeAsync(TestContext.Current.CancellationToken);

        report.EnsureAllowed();
    }

    [Fact]
    public async Task ADeniedSetup_ReadsLikeADiagnosis()
    {
        await using var app = await StartAsync();
        var server = app.GetTestServer();

        var report = await CorsProbe.For("http://localhost/designated")
            .WithOrigin(AspNetCorsServer.Galxe)
            .RequireMethods("DELETE")
            .UsingHttpClient(server.CreateClient())
            .ProbeAsync(TestContext.Current.CancellationToken);

        var failure = FluentActions.Invoking(report.EnsureAllowed).Should().Throw<CorsProbeException>().Which;
        failure.Message.Should().Contain("CORS011").And.Contain("does not list `DELETE`");
    }
}

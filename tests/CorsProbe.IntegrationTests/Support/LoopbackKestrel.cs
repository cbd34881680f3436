using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsProbing.IntegrationTests.Support;

/// <summary>A real Kestrel on a free 127.0.0.1 port, quiet, started: the test servers' common start-up.</summary>
public static class LoopbackKestrel
{
    /// <summary>Builds the app with <paramref name="services"/> and <paramref name="pipeline"/>, starts it and returns it with its base URL.</summary>
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(Action<IServiceCollection>? services, Action<WebApplication> pipeline)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        services?.Invoke(builder.Services);
        var app = builder.Build();
        pipeline(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }
}

using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CorsProbing.Testing;

/// <summary>A real Kestrel on a free 127.0.0.1 port, quiet, started: every test server's common start-up.</summary>
public static class LoopbackKestrel
{
    /// <summary>
    /// Builds the app with <paramref name="services"/> and <paramref name="pipeline"/>, starts it (over TLS with
    /// <paramref name="certificate"/> when one is given) and returns it with its base URL, <c>http(s)://127.0.0.1:port</c>.
    /// </summary>
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(
        Action<IServiceCollection>? services, Action<WebApplication> pipeline, X509Certificate2? certificate = null)
    {
        var (app, urls) = await StartAsync([IPAddress.Loopback], services, pipeline, certificate);
        return (app, urls.Single());
    }

    /// <summary>
    /// As <see cref="StartAsync(Action{IServiceCollection}?, Action{WebApplication}, X509Certificate2?)"/>, listening on a
    /// free port of each of <paramref name="addresses"/> (127.0.0.2, 127.0.0.3, …: loopback hosts of their own); returns
    /// the base URLs in the order of the addresses.
    /// </summary>
    public static async Task<(WebApplication App, IReadOnlyList<string> BaseUrls)> StartAsync(
        IReadOnlyList<IPAddress> addresses, Action<IServiceCollection>? services, Action<WebApplication> pipeline, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var address in addresses)
            {
                kestrel.Listen(address, 0, listen =>
                {
                    if (certificate is not null)
                    {
                        listen.UseHttps(certificate);
                    }
                });
            }
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        pipeline(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return (app, [.. addresses.Select(address => bound.Single(url => new Uri(url).Host == address.ToString()))]);
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>
/// A customer's API on loopback whose CORS setup a test changes while the dashboard watches it: it allows
/// <c>Content-Type</c> until <see cref="AllowsContentType"/> is cleared (a deploy that drops the header from the list);
/// <c>/moved</c> redirects into loopback.
/// </summary>
public sealed class SwitchableCorsApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile bool _allowsContentType = true;

    private SwitchableCorsApi(WebApplication app) => _app = app;

    /// <summary>Whether <c>Access-Control-Allow-Headers</c> lists <c>Content-Type</c>.</summary>
    public bool AllowsContentType
    {
        get => _allowsContentType;
        set => _allowsContentType = value;
    }

    /// <summary>The API's origin, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Origin { get; private set; } = string.Empty;

    /// <summary>The endpoint the tests register.</summary>
    public string Url => Origin + "/quests";

    public static async Task<SwitchableCorsApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new SwitchableCorsApi(app);
        app.Run(context =>
        {
            if (context.Request.Path == "/moved")
            {
                // A redirect into the platform's own network (port 9 on loopback).
                context.Response.Headers.AccessControlAllowOrigin = "*";
                context.Response.Headers.Location = "http://127.0.0.1:9/internal";
                context.Response.StatusCode = StatusCodes.Status302Found;
                return Task.CompletedTask;
            }

            context.Response.Headers.AccessControlAllowOrigin = "*";
            context.Response.Headers.AccessControlAllowMethods = "GET, POST";
            if (api.AllowsContentType)
            {
                context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
            }

            context.Response.StatusCode = HttpMethods.IsOptions(context.Request.Method) ? StatusCodes.Status204NoContent : StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.Origin = new Uri(address).GetLeftPart(UriPartial.Authority);
        return api;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

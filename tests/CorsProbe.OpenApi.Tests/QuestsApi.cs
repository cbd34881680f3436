using System.Collections.Concurrent;
using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CorsProbing.OpenApi.Tests;

/// <summary>
/// The Quests API of Documents/quests.*: a real Kestrel whose ASP.NET Core CORS policy allows the dashboard's origin
/// GET, POST and PUT with Content-Type and X-Api-Key, without credentials. It serves the documents at /openapi/NAME
/// and counts the preflights it answers, by method, path and requested headers.
/// </summary>
public sealed class QuestsApi : IAsyncLifetime
{
    public const string Origin = "https://dashboard.galxe.com";

    /// <summary>Each operation's verdict under this policy, by name and alternative, the same in every version of the document.</summary>
    public static readonly IReadOnlyDictionary<string, CorsVerdict> Verdicts = new Dictionary<string, CorsVerdict>
    {
        ["listQuests"] = CorsVerdict.Allowed,
        ["createQuest"] = CorsVerdict.Allowed,
        ["getQuest"] = CorsVerdict.Denied,
        ["deleteQuest"] = CorsVerdict.Denied,
        ["getMe"] = CorsVerdict.Denied,
        ["listKeys"] = CorsVerdict.Allowed,
        ["getSession"] = CorsVerdict.Denied,
        ["upload"] = CorsVerdict.Allowed,
        ["updateQuest; security: apiKeyAuth; body: application/json"] = CorsVerdict.Allowed,
        ["updateQuest; security: apiKeyAuth; body: application/x-www-form-urlencoded"] = CorsVerdict.Allowed,
        ["updateQuest; security: bearerAuth; body: application/json"] = CorsVerdict.Denied,
        ["updateQuest; security: bearerAuth; body: application/x-www-form-urlencoded"] = CorsVerdict.Denied,
    };

    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The preflights answered: "METHOD /path [requested headers]".</summary>
    public ConcurrentQueue<string> Preflights { get; } = new();

    public async ValueTask InitializeAsync()
    {
        (_app, BaseUrl) = await LoopbackKestrel.StartAsync(
            services => services.AddCors(),
            app =>
            {
                app.Use(async (context, next) =>
                {
                    if (HttpMethods.IsOptions(context.Request.Method))
                    {
                        Preflights.Enqueue($"{context.Request.Headers.AccessControlRequestMethod} {context.Request.Path}{context.Request.QueryString} [{context.Request.Headers.AccessControlRequestHeaders}]");
                    }

                    await next(context);
                });
                app.UseCors(policy => policy.WithOrigins(Origin).WithMethods("GET", "POST", "PUT").WithHeaders("Content-Type", "X-Api-Key"));
                app.MapGet("/openapi/{name}", (string name) => Results.File(Path.Combine(AppContext.BaseDirectory, "Documents", Path.GetFileName(name)), name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "application/yaml"));
                app.Map("/{**path}", () => Results.Text("ok"));
            });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CorsProbing.Demo;

/// <summary>
/// The embedded API: a Kestrel on 127.0.0.1 (random free port) whose endpoints model CORS setups seen in the wild.
/// </summary>
internal static class DemoApi
{
    public const string Galxe = "https://dashboard.galxe.com";

    /// <summary>
    /// The origin the setups are probed at: a name reserved for tests (.test), on port 80 as a customer's API would be,
    /// connected to the embedded API on loopback by <see cref="LoopbackHandler"/>.
    /// </summary>
    public const string Origin = "http://api.demo.test";

    /// <summary>
    /// Each endpoint with what the dashboard needs of it (mostly: load with GET, save with a JSON POST); together they
    /// give every kind of verdict.
    /// </summary>
    public static IReadOnlyList<DemoSetup> Setups { get; } =
    [
        new("/open", "\"*\" with methods and headers listed", ["GET", "POST"], ["Content-Type"]),
        new("/designated", "ASP.NET Core policy for the dashboard", ["GET", "POST"], ["Content-Type"]),
        new("/other-origin", "allows a partner's origin only", ["GET", "POST"], ["Content-Type"]),
        new("/no-options", "no OPTIONS handling (405)", ["GET"], []),
        new("/missing-put", "methods list forgets PUT", ["GET", "POST", "PUT"], ["Content-Type"]),
        new("/wildcard-credentials", "\"*\" with credentials", ["GET", "POST"], [], Credentials: true),
        new("/redirect", "preflight redirected (308)", ["GET", "POST"], ["Content-Type"]),
        new("/galxe-only", "lists methods, not headers", ["GET", "POST"], ["Content-Type"]),
    ];

    /// <summary>Starts the API on <paramref name="url"/> (default: a free port on 127.0.0.1).</summary>
    public static async Task<WebApplication> StartAsync(CancellationToken cancellationToken, string url = "http://127.0.0.1:0")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.AddCors(options =>
            options.AddPolicy("designated", p => p.WithOrigins(Galxe).WithMethods("GET", "POST").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromHours(1))));
        builder.Services.AddRouting();
        var app = builder.Build();

        // The API's own description, which the dashboard can register to watch every operation.
        app.MapGet(DemoDocument.Path, () => Results.Text(DemoDocument.Json, "application/json"));

        // 1. Open to everyone: "*" with every method and header listed.
        app.Map("/open", branch => branch.Run(Answer(
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE"),
            ("Access-Control-Allow-Headers", "Content-Type, Authorization"),
            ("Access-Control-Max-Age", "7200"))));

        // 2. ASP.NET Core's CORS middleware with the dashboard as the designated origin.
        app.Map("/designated", branch =>
        {
            branch.UseCors("designated");
            branch.Run(context => context.Response.WriteAsync("ok"));
        });

        // 3. Allows another origin only (a partner's front end).
        app.Map("/other-origin", branch => branch.Run(Answer(
            ("Access-Control-Allow-Origin", "https://app.partner.example"),
            ("Access-Control-Allow-Methods", "GET, POST"),
            ("Access-Control-Allow-Headers", "Content-Type"),
            ("Vary", "Origin"))));

        // 4. No OPTIONS handling at all: routing answers 405.
        app.UseRouting();
        app.MapGet("/no-options", () => "ok");
        app.MapPost("/no-options", () => "ok");

        // 5. Methods list forgets PUT.
        app.Map("/missing-put", branch => branch.Run(Answer(
            ("Access-Control-Allow-Origin", Galxe),
            ("Access-Control-Allow-Methods", "GET, POST"),
            ("Access-Control-Allow-Headers", "Content-Type"),
            ("Access-Control-Max-Age", "600"),
            ("Vary", "Origin"))));

        // 6. "*" with credentials, which no browser accepts.
        app.Map("/wildcard-credentials", branch => branch.Run(Answer(
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Allow-Credentials", "true"),
            ("Access-Control-Allow-Methods", "GET, POST"),
            ("Access-Control-Allow-Headers", "Content-Type"))));

        // 7. The preflight is redirected (a trailing-slash redirect).
        app.Map("/redirect", branch => branch.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = "/redirect/";
            return Task.CompletedTask;
        }));

        // 8. Lists methods but not headers: the platform's check passes, browsers block the JSON call.
        app.Map("/galxe-only", branch => branch.Run(Answer(
            ("Access-Control-Allow-Origin", "*"),
            ("Access-Control-Allow-Methods", "GET, POST"),
            ("Access-Control-Max-Age", "600"))));

        await app.StartAsync(cancellationToken);
        return app;
    }

    public static int Port(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Uri(address).Port;
    }

    private static RequestDelegate Answer(params (string Name, string Value)[] headers) => context =>
    {
        foreach (var (name, value) in headers)
        {
            context.Response.Headers.Append(name, value);
        }

        context.Response.StatusCode = HttpMethods.IsOptions(context.Request.Method) ? StatusCodes.Status204NoContent : StatusCodes.Status200OK;
        return Task.CompletedTask;
    };
}

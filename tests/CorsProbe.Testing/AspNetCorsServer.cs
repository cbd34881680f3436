using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CorsProbing.Testing;

/// <summary>
/// A real Kestrel on 127.0.0.1 (random port) running ASP.NET Core's CORS middleware, one policy per path.
/// Shared by the tests of a class through <see cref="IClassFixture{TFixture}"/>.
/// </summary>
public sealed class AspNetCorsServer : IAsyncLifetime
{
    public const string Galxe = "https://dashboard.galxe.com";
    public const string Other = "https://other.example";

    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public static void ConfigurePolicies(Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions options)
    {
        options.AddPolicy("any", p => p.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader());
        options.AddPolicy("designated", p => p.WithOrigins(Galxe).WithMethods("GET", "POST").WithHeaders("Content-Type"));
        options.AddPolicy("other-origin", p => p.WithOrigins(Other).AllowAnyMethod().AllowAnyHeader());
        options.AddPolicy("credentials", p => p.WithOrigins(Galxe).AllowCredentials().AllowAnyMethod().AllowAnyHeader());
        options.AddPolicy("methods", p => p.WithOrigins(Galxe).WithMethods("GET", "POST", "PUT"));
        options.AddPolicy("headers", p => p.WithOrigins(Galxe).WithMethods("GET", "POST").WithHeaders("X-Api-Key"));
        options.AddPolicy("max-age", p => p.AllowAnyOrigin().WithMethods("GET", "POST", "PUT").SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
    }

    public static readonly string[] Policies = ["any", "designated", "other-origin", "credentials", "methods", "headers", "max-age"];

    /// <summary>Maps <c>/{policy}</c> to a branch that applies that policy and answers every other request with 200.</summary>
    public static void MapPolicies(IApplicationBuilder app)
    {
        foreach (var policy in Policies)
        {
            app.Map("/" + policy, branch =>
            {
                branch.UseCors(policy);
                branch.Run(context => context.Response.WriteAsync("ok"));
            });
        }
    }

    public async ValueTask InitializeAsync() =>
        (_app, BaseUrl) = await LoopbackKestrel.StartAsync(services => services.AddCors(ConfigurePolicies), MapPolicies);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CorsProbing.IntegrationTests.Support;

/// <summary>
/// A real Kestrel on 127.0.0.1 with ASP.NET Core CORS policies as people write them, mistakes included, one per path:
/// the targets of the audit tests.
/// </summary>
public sealed class MisconfiguredAspNetServer : IAsyncLifetime
{
    public const string Galxe = "https://dashboard.galxe.com";

    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public static void ConfigurePolicies(Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions options)
    {
        options.AddPolicy("reflect-credentials", p => p.SetIsOriginAllowed(_ => true).AllowCredentials().AllowAnyMethod().AllowAnyHeader());
        options.AddPolicy("null", p => p.WithOrigins(Galxe, "null").WithMethods("PUT").WithHeaders("Content-Type"));
        options.AddPolicy("subdomains", p => p.WithOrigins("https://*.galxe.com").SetIsOriginAllowedToAllowWildcardSubdomains().WithMethods("PUT").WithHeaders("Content-Type"));
        options.AddPolicy("exact", p => p.WithOrigins(Galxe).WithMethods("PUT").WithHeaders("Content-Type").AllowCredentials());
        options.AddPolicy("any", p => p.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader());
    }

    public static readonly string[] Policies = ["reflect-credentials", "null", "subdomains", "exact", "any"];

    public async ValueTask InitializeAsync() =>
        (_app, BaseUrl) = await LoopbackKestrel.StartAsync(
            services => services.AddCors(ConfigurePolicies),
            app =>
            {
                foreach (var policy in Policies)
                {
                    app.Map("/" + policy, branch =>
                    {
                        branch.UseCors(policy);
                        branch.Run(context => context.Response.WriteAsync("ok"));
                    });
                }
            });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

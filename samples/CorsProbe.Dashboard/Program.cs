using System.Text.Json.Serialization;
using CorsProbing;
using CorsProbing.Dashboard;
using CorsProbing.Dashboard.Accounts;
using CorsProbing.Dashboard.Alerts;
using CorsProbing.Dashboard.Demo;
using CorsProbing.Dashboard.Endpoints;
using CorsProbing.Dashboard.Storage;
using CorsProbing.Dashboard.Targets;
using CorsProbing.Dashboard.Watching;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;

// A platform's "connect your API" screen on CorsProbe: check a URL, verify in this browser, watch registered APIs,
// alert each account's webhook. One process on SQLite, or several replicas on PostgreSQL.
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseDefaultUrlsUnlessSet(builder.Configuration);
builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart()
    .PostConfigure(o =>
    {
        o.Demo ??= builder.Environment.IsDevelopment();
        foreach (var name in o.Demo == true ? DemoRegistration.Accounts : [])
        {
            o.Accounts.TryAdd(name, new AccountOptions());
        }
    });
builder.Services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidation>();

// Probes go through CorsProbe's own transport (each response read as the browsers read it) with its SSRF guard, bound
// from the "CorsProbe" section; only probes of the trusted origins (the demo API, configured test servers) go through
// a handler that routes them, hop by hop.
builder.Services.AddCorsProbe(builder.Configuration.GetSection(CorsProbeOptions.SectionName));
builder.Services.AddSingleton<TrustedTargets>();

builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton(provider => DashboardDatabase.Create(
    provider.GetRequiredService<IOptions<DashboardOptions>>(), builder.Configuration, builder.Environment));
builder.Services.AddSingleton<AccountDirectory>();
builder.Services.AddSingleton<CheckRecorder>();
builder.Services.AddSingleton<ApiStore>();
builder.Services.AddSingleton<WatchStore>();
builder.Services.AddSingleton<DeliveryStore>();

// Hosted services start in this order: the schema first, then the demo's registrations, then the watch and webhooks.
builder.Services.AddHostedService<SchemaMigration>();
builder.Services.AddHostedService<DemoRegistration>();
builder.Services.AddHostedService<WatchService>();
builder.Services.AddHostedService<WebhookSender>();

builder.Services.AddDashboardAccounts();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
builder.Services.AddDashboardRateLimits();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapAccountEndpoints(developmentSignIn: app.Environment.IsDevelopment());
app.MapDashboardApi();
app.Run();

/// <summary>The dashboard's entry point (public for <c>WebApplicationFactory</c>).</summary>
public partial class Program;

using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using CorsProbing;
using CorsProbing.Dashboard;
using CorsProbing.Dashboard.Demo;
using CorsProbing.Dashboard.Endpoints;
using CorsProbing.Dashboard.Storage;
using CorsProbing.Dashboard.Targets;
using CorsProbing.Dashboard.Watching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// A platform's "connect your API" screen on CorsProbe: check a URL, verify in this browser, watch registered APIs.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart()
    .Validate(o => o.RecheckInterval > TimeSpan.Zero, "Dashboard:RecheckInterval must be positive.")
    .Validate(o => o.CheckPermitLimit > 0 && o.CheckWindow > TimeSpan.Zero, "Dashboard:CheckPermitLimit and CheckWindow must be positive.")
    .Validate(o => o.MaxRequestBytes > 0, "Dashboard:MaxRequestBytes must be positive.");

// Probes go through IHttpClientFactory with CorsProbe's SSRF guard (bound from the "CorsProbe" section); only the
// trusted origins (the demo API, configured test servers) are routed around it, by a handler in that client's pipeline.
builder.Services.AddSingleton<TrustedTargets>();
builder.Services.AddTransient<TrustedTargetHandler>();
builder.Services.AddCorsProbe(builder.Configuration.GetSection(CorsProbeOptions.SectionName));
builder.Services.AddCorsProbeHttpClient().AddHttpMessageHandler<TrustedTargetHandler>();

builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ApiStore>();
builder.Services.AddHostedService<DemoRegistration>();
builder.Services.AddHostedService<RecheckService>();

builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
builder.Services.AddRateLimiter(limiter =>
{
    limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    limiter.AddPolicy(DashboardEndpoints.ProbePolicy, context =>
    {
        var options = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.CheckPermitLimit, Window = options.CheckWindow, QueueLimit = 0 });
    });
    limiter.OnRejected = async (rejected, cancellationToken) =>
    {
        var window = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.CheckWindow;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = rejected.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many checks.",
                Detail = $"This client has used its checks for the current {window.TotalSeconds:0}-second window; try again shortly.",
            },
        }).ConfigureAwait(false);
    };
});

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRateLimiter();
app.MapHealthChecks("/health");
app.MapDashboardApi();
app.Run();

/// <summary>The dashboard's entry point (public for <c>WebApplicationFactory</c>).</summary>
public partial class Program;

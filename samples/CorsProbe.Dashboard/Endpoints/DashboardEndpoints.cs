using CorsProbing.Dashboard.Accounts;
using CorsProbing.Dashboard.Alerts;
using CorsProbing.Dashboard.Checks;
using CorsProbing.Dashboard.Demo;
using CorsProbing.Dashboard.Storage;
using CorsProbing.Dashboard.Targets;
using CorsProbing.Demo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CorsProbing.Dashboard.Endpoints;

/// <summary>
/// <c>POST /api/check</c>: probes the API described in the body and returns <see cref="CorsReport.ToJson"/>;
/// <c>/api/apis</c>: the signed-in account registers APIs to watch, lists them with their history, asks for a check now,
/// removes them (<c>/api/apis/openapi</c>: every operation of an OpenAPI document); <c>/api/deliveries</c>: its webhook deliveries; <c>/api/demo</c>: the demo API's setups. Every endpoint
/// needs an account (the sign-in cookie or an API key); another account's API is a 404, as if it did not exist.
/// </summary>
internal static class DashboardEndpoints
{
    /// <summary>The rate-limiting policy of every endpoint that probes.</summary>
    public const string ProbePolicy = "probe";

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter(AntiforgeryFilter.ForCookies);
        api.MapGet("/antiforgery", AccountEndpoints.Token);
        api.MapPost("/check", CheckAsync).RequireRateLimiting(ProbePolicy);
        api.MapPost("/apis", RegisterAsync).RequireRateLimiting(ProbePolicy);
        api.MapPost("/apis/openapi", RegisterDocumentAsync).RequireRateLimiting(ProbePolicy);
        api.MapGet("/apis", async (HttpContext context, ApiStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(await store.ListAsync(Account(context), cancellationToken).ConfigureAwait(false)));
        api.MapGet("/apis/{id:long}", async (long id, HttpContext context, ApiStore store, CancellationToken cancellationToken) =>
            await store.FindAsync(Account(context), id, cancellationToken).ConfigureAwait(false) is { } found
                ? Results.Ok(new { api = found, history = await store.HistoryAsync(Account(context), id, cancellationToken).ConfigureAwait(false) })
                : NotFound(id));
        api.MapGet("/apis/{id:long}/report", async (long id, HttpContext context, ApiStore store, CancellationToken cancellationToken) =>
            await store.LastReportAsync(Account(context), id, cancellationToken).ConfigureAwait(false) is { } json ? Results.Text(json, "application/json") : NotFound(id));
        api.MapPost("/apis/{id:long}/check", async (long id, HttpContext context, ApiStore store, TimeProvider time, CancellationToken cancellationToken) =>
            await store.RequestCheckAsync(Account(context), id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
                ? Results.Accepted($"/api/apis/{id}")
                : NotFound(id)).RequireRateLimiting(ProbePolicy);
        api.MapDelete("/apis/{id:long}", async (long id, HttpContext context, ApiStore store, CancellationToken cancellationToken) =>
            await store.RemoveAsync(Account(context), id, cancellationToken).ConfigureAwait(false) ? Results.NoContent() : NotFound(id));
        api.MapGet("/deliveries", async (HttpContext context, DeliveryStore deliveries, CancellationToken cancellationToken) =>
            TypedResults.Ok(await deliveries.ListAsync(Account(context), cancellationToken).ConfigureAwait(false)));
        api.MapGet("/demo", (IEnumerable<IHostedService> services) =>
            services.OfType<DemoRegistration>().SingleOrDefault() is { Origin: { } loopback }
                ? Results.Ok(new { origin = DemoApi.Origin, loopbackOrigin = loopback, setups = DemoApi.Setups })
                : NotFound("The dashboard runs no demo (Dashboard:Demo is false, or the environment is not Development)."));
    }

    /// <summary>The signed-in account: every endpoint here requires one.</summary>
    public static string Account(HttpContext context) =>
        context.User.Identity?.Name ?? throw new InvalidOperationException("The endpoint requires authorization; no account is signed in.");

    private static async Task<IResult> CheckAsync(HttpContext context, ICorsProber prober, TrustedTargets trusted, CancellationToken cancellationToken)
    {
        var (_, report, problem) = await ProbeAsync(context, prober, trusted, cancellationToken).ConfigureAwait(false);
        return problem ?? Results.Text(report!.ToJson(), "application/json");
    }

    private static async Task<IResult> RegisterAsync(
        HttpContext context, ICorsProber prober, TrustedTargets trusted, ApiStore store, TimeProvider time, IOptions<DashboardOptions> options, CancellationToken cancellationToken)
    {
        var (request, report, problem) = await ProbeAsync(context, prober, trusted, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var registered = await store.RegisterAsync(
            Account(context), report!, CheckValidation.Methods(request!), CheckValidation.Headers(request!), time.GetUtcNow(), options.Value.RecheckInterval, cancellationToken).ConfigureAwait(false);
        return Results.Created($"/api/apis/{registered.Id}", registered);
    }

    // A document that cannot be probed (unreachable, refused by the guard, not OpenAPI, no server) is the user's input at fault: a 400 naming why.
    private static async Task<IResult> RegisterDocumentAsync(
        HttpContext context,
        ICorsProber prober,
        TrustedTargets trusted,
        ApiStore store,
        TimeProvider time,
        IOptions<DashboardOptions> options,
        IOptions<CorsProbeOptions> probing,
        CancellationToken cancellationToken)
    {
        var (registration, problem) = await CheckBody.ReadAsync<OpenApiRegistration>(
            context, "{\"url\": \"https://api.example.com/openapi.json\", \"origin\": \"https://dashboard.galxe.com\"}", cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var (probe, errors) = DocumentProbe.Build(prober, trusted, probing.Value, registration!);
        if (probe is null)
        {
            return CheckBody.Invalid(errors);
        }

        OpenApi.OpenApiCorsReport report;
        try
        {
            report = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OpenApi.OpenApiDocumentException exception)
        {
            return CheckBody.Invalid("url", exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            return CheckBody.Invalid("origin", exception.Message);
        }

        var registered = await store.RegisterDocumentAsync(
            Account(context), new Uri(probe.Document), report, time.GetUtcNow(), options.Value.RecheckInterval, cancellationToken).ConfigureAwait(false);
        return Results.Created($"/api/apis/{registered.Id}", registered);
    }

    /// <summary>Reads, validates and probes; a request the builder refuses, or a target the SSRF guard refuses, is a 400.</summary>
    private static async Task<(CheckRequest? Request, CorsReport? Report, IResult? Problem)> ProbeAsync(
        HttpContext context, ICorsProber prober, TrustedTargets trusted, CancellationToken cancellationToken)
    {
        var (request, problem) = await CheckBody.ReadAsync(context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        var (probe, errors) = CheckValidation.Build(prober, trusted, request!);
        if (probe is null)
        {
            return (null, null, CheckBody.Invalid(errors));
        }

        CorsReport report;
        try
        {
            // The request's own token: when the browser goes away, the probe stops.
            report = await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            // No origin given and none configured: the builder says so.
            return (null, null, CheckBody.Invalid("origin", exception.Message));
        }

        // The URL itself is refused (no exchange got an answer): the user's input is at fault. A redirect into a refused
        // address is the target's doing, and a finding of its report.
        if (report.Preflights.All(p => p.StatusCode is null)
            && report.Findings.FirstOrDefault(f => f.Code == CorsFindingCodes.TargetAddressNotAllowed) is { } refused)
        {
            return (null, null, CheckBody.Invalid("url", refused.Message));
        }

        return (request, report, null);
    }

    private static ProblemHttpResult NotFound(long id) => NotFound($"No registered API has id {id}.");

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}

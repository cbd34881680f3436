using CorsProbing.Dashboard.Checks;
using CorsProbing.Dashboard.Demo;
using CorsProbing.Dashboard.Storage;
using CorsProbing.Demo;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CorsProbing.Dashboard.Endpoints;

/// <summary>
/// <c>POST /api/check</c>: probes the API described in the body and returns <see cref="CorsReport.ToJson"/>;
/// <c>/api/apis</c>: registers APIs to watch, lists them with their history; <c>/api/demo</c>: the demo API's setups.
/// </summary>
internal static class DashboardEndpoints
{
    /// <summary>The rate-limiting policy of every endpoint that probes.</summary>
    public const string ProbePolicy = "probe";

    public static void MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/check", CheckAsync).RequireRateLimiting(ProbePolicy);
        api.MapPost("/apis", RegisterAsync).RequireRateLimiting(ProbePolicy);
        api.MapGet("/apis", (ApiStore store) => TypedResults.Ok(store.List()));
        api.MapGet("/apis/{id:long}", (long id, ApiStore store) =>
            store.Find(id) is { } found ? Results.Ok(new { api = found, history = store.History(id) }) : NotFound(id));
        api.MapGet("/apis/{id:long}/report", (long id, ApiStore store) =>
            store.LastReport(id) is { } json ? Results.Text(json, "application/json") : NotFound(id));
        api.MapGet("/demo", (IEnumerable<IHostedService> services) =>
            services.OfType<DemoRegistration>().SingleOrDefault() is { Origin: { } loopback }
                ? Results.Ok(new { origin = DemoApi.Origin, loopbackOrigin = loopback, setups = DemoApi.Setups })
                : NotFound("The dashboard runs no demo API (Dashboard:DemoApiUrl is empty)."));
        api.MapDelete("/apis/{id:long}", (long id, ApiStore store) => store.Remove(id) ? Results.NoContent() : NotFound(id));
    }

    private static async Task<IResult> CheckAsync(HttpContext context, ICorsProber prober, CancellationToken cancellationToken)
    {
        var (_, report, problem) = await ProbeAsync(context, prober, cancellationToken).ConfigureAwait(false);
        return problem ?? Results.Text(report!.ToJson(), "application/json");
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, ICorsProber prober, ApiStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (request, report, problem) = await ProbeAsync(context, prober, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var registered = store.Register(report!, CheckValidation.Methods(request!), CheckValidation.Headers(request!), time.GetUtcNow());
        return Results.Created($"/api/apis/{registered.Id}", registered);
    }

    /// <summary>Reads, validates and probes; a request the builder refuses, or a target the SSRF guard refuses, is a 400.</summary>
    private static async Task<(CheckRequest? Request, CorsReport? Report, IResult? Problem)> ProbeAsync(
        HttpContext context, ICorsProber prober, CancellationToken cancellationToken)
    {
        var (request, problem) = await CheckBody.ReadAsync(context, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, null, problem);
        }

        var (probe, errors) = CheckValidation.Build(prober, request!);
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

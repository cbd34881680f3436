using System.Globalization;
using System.Threading.RateLimiting;

namespace CorsProbing.Dashboard.Endpoints;

/// <summary>
/// The probing endpoints' limit: <see cref="DashboardOptions.CheckPermitLimit"/> per <see cref="DashboardOptions.CheckWindow"/>
/// per account (per replica: a cluster of N replicas lets an account run up to N times as many), answered with a 429
/// problem and <c>Retry-After</c>.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddDashboardRateLimits(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.AddPolicy(DashboardEndpoints.ProbePolicy, context =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.CheckPermitLimit, Window = options.CheckWindow, QueueLimit = 0 });
        });
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var window = rejected.HttpContext.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.CheckWindow;
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = rejected.HttpContext,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many checks.",
                    Detail = $"This account has used its checks for the current {window.TotalSeconds:0}-second window; try again shortly.",
                },
            }).ConfigureAwait(false);
        };
    });
}

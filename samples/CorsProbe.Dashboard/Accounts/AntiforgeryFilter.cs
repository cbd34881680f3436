using Microsoft.AspNetCore.Antiforgery;

namespace CorsProbing.Dashboard.Accounts;

/// <summary>
/// A change made with the sign-in cookie must carry the page's antiforgery token: another site can make the browser
/// send the cookie (the <c>SameSite</c> attribute stops most of that, not all), never the token. An API key is not
/// sent by browsers on their own, so its requests need none.
/// </summary>
internal static class AntiforgeryFilter
{
    /// <summary>The header the page sends the token in.</summary>
    public const string HeaderName = "X-CSRF-TOKEN";

    public static async ValueTask<object?> ForCookies(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || context.User.Identity?.AuthenticationType != DashboardSchemes.Cookie
            || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return await next(invocation).ConfigureAwait(false);
        }

        return TypedResults.Problem(
            $"A change made with the sign-in cookie needs the page's antiforgery token in the {HeaderName} header (GET /api/antiforgery); automation sends its API key instead.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "The antiforgery token is missing or not valid.");
    }
}

using Microsoft.AspNetCore.Authentication;

namespace CorsProbing.Dashboard.Accounts;

/// <summary>
/// The dashboard's authentication: the page's sign-in cookie (ASP.NET Core's cookie authentication, <c>SameSite=Strict</c>,
/// HTTP only) or an account's API key (<c>Authorization: Bearer</c>), chosen per request; antiforgery for the cookie's
/// changes. A platform with its own sign-in replaces <see cref="DashboardSchemes.Cookie"/>'s scheme here (OpenID Connect,
/// its session cookie) so that the signed-in principal's name is the account's name; nothing else changes.
/// </summary>
internal static class AccountServices
{
    public static IServiceCollection AddDashboardAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(DashboardSchemes.Default)
            .AddPolicyScheme(DashboardSchemes.Default, "Cookie or API key", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? DashboardSchemes.ApiKey : DashboardSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(DashboardSchemes.ApiKey, null)
            .AddCookie(DashboardSchemes.Cookie, cookie =>
            {
                cookie.Cookie.Name = "corsprobe-dashboard";
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SlidingExpiration = true;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);

                // An API answers 401 and 403, never a redirect to a sign-in page.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AntiforgeryFilter.HeaderName;
            antiforgery.Cookie.Name = "corsprobe-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace CorsProbing.Dashboard.Accounts;

/// <summary>
/// <c>/account</c>: who is signed in, and, in Development only, a sign-in as any configured account without a password
/// (the demo's accounts). A platform replaces that sign-in with its own scheme; the rest of the dashboard reads only the
/// signed-in name.
/// </summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app, bool developmentSignIn)
    {
        var account = app.MapGroup("/account");
        account.MapGet("/", (HttpContext context, AccountDirectory accounts) => TypedResults.Ok(new
        {
            account = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null,
            developmentAccounts = developmentSignIn ? accounts.Names : [],
        }));
        account.MapPost("/sign-out", async (HttpContext context) =>
        {
            await context.SignOutAsync(DashboardSchemes.Cookie).ConfigureAwait(false);
            return Results.NoContent();
        }).RequireAuthorization().AddEndpointFilter(AntiforgeryFilter.ForCookies);

        if (developmentSignIn)
        {
            account.MapPost("/development-sign-in", async (SignIn request, HttpContext context, AccountDirectory accounts) =>
            {
                if (request.Account is null || accounts.Find(request.Account) is null)
                {
                    return Results.ValidationProblem(
                        new Dictionary<string, string[]> { ["account"] = [$"'{request.Account}' is not an account; use one of {string.Join(", ", accounts.Names)} (Dashboard:Accounts)."] },
                        title: "The sign-in is not valid.");
                }

                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, request.Account)], DashboardSchemes.Cookie);
                await context.SignInAsync(DashboardSchemes.Cookie, new ClaimsPrincipal(identity)).ConfigureAwait(false);
                return Results.NoContent();
            });
        }
    }

    /// <summary>The antiforgery token the page sends with each change, in <see cref="AntiforgeryFilter.HeaderName"/>.</summary>
    public static IResult Token(HttpContext context, IAntiforgery antiforgery) =>
        TypedResults.Ok(new { token = antiforgery.GetAndStoreTokens(context).RequestToken, headerName = AntiforgeryFilter.HeaderName });

    /// <summary>The development sign-in's body.</summary>
    /// <param name="Account">The account to sign in as.</param>
    internal sealed record SignIn(string? Account);
}

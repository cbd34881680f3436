namespace CorsProbing.Dashboard.Accounts;

/// <summary>The dashboard's authentication schemes.</summary>
public static class DashboardSchemes
{
    /// <summary>The default: an <c>Authorization: Bearer</c> request goes to <see cref="ApiKey"/>, every other to <see cref="Cookie"/>.</summary>
    public const string Default = "Dashboard";

    /// <summary>An account's API key, for automation.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>The page's sign-in cookie (ASP.NET Core's cookie authentication).</summary>
    public const string Cookie = "Cookies";
}

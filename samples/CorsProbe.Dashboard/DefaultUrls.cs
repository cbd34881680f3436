namespace CorsProbing.Dashboard;

/// <summary>
/// The address <c>dotnet run</c> listens on by default comes from <c>Properties/launchSettings.json</c>
/// (<c>Dashboard__DefaultUrls</c>), and yields to every standard way of choosing one: <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c>, <c>--urls</c>, <c>Kestrel:Endpoints</c>. (A launch profile's
/// <c>applicationUrl</c> would not: <c>dotnet run</c> writes it over the caller's <c>ASPNETCORE_URLS</c>.)
/// </summary>
internal static class DefaultUrls
{
    /// <summary>The key launchSettings.json sets.</summary>
    public const string Key = "Dashboard:DefaultUrls";

    public static void UseDefaultUrlsUnlessSet(this IWebHostBuilder host, IConfiguration configuration)
    {
        var chosen = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!chosen && configuration[Key] is { Length: > 0 } defaults)
        {
            host.UseUrls(defaults);
        }
    }
}

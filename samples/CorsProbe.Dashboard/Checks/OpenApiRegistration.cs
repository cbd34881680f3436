namespace CorsProbing.Dashboard.Checks;

/// <summary>What the "Register an OpenAPI document" form sends: the document's URL and how the platform's page calls the API.</summary>
/// <param name="Url">The OpenAPI document's absolute http(s) URL (JSON or YAML, 2.0, 3.0 or 3.1).</param>
/// <param name="Origin">The origin the calls come from; empty for the configured default.</param>
/// <param name="Profile">The profile that decides the verdicts; empty for the configured one.</param>
public sealed record OpenApiRegistration(string? Url, string? Origin = null, string? Profile = null);

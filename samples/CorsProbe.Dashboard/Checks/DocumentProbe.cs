using CorsProbing.Dashboard.Targets;
using CorsProbing.OpenApi;

namespace CorsProbing.Dashboard.Checks;

/// <summary>
/// The probe of every operation of a registered OpenAPI document: the document's URL validated and routed as a Check's
/// URL is (<see cref="CheckValidation.Build"/>, so the same SSRF guard and trusted origins apply to the document and to
/// its operations), within the configured batch limits.
/// </summary>
internal static class DocumentProbe
{
    // How messages name what a dashboard user can change: the document itself, since the form has no such fields.
    private static readonly OpenApiSettingNames DocumentNames = new()
    {
        Server = "give the document an absolute server (servers: - url: https://api.example.com), or serve it from the API's own origin",
        Parameter = "give the parameter {name} an example or a default in the document",
        MaxDocumentSize = "the dashboard reads documents of up to 8 MiB",
    };

    /// <summary>The probe of <paramref name="registration"/>'s document, or the problems keyed by its field names.</summary>
    public static (OpenApiProbeBuilder? Probe, Dictionary<string, string[]> Errors) Build(
        ICorsProber prober, TrustedTargets trusted, CorsProbeOptions limits, OpenApiRegistration registration)
    {
        var (template, errors) = CheckValidation.Build(prober, trusted, new CheckRequest(registration.Url, registration.Origin, Profile: registration.Profile));
        if (template is null)
        {
            return (null, errors);
        }

        var probe = OpenApiProbe.FromUrl(template.Url)
            .ConfigureProbes(_ => template)
            .NamingSettingsAs(DocumentNames)
            .WithBatchOptions(new CorsBatchOptions { MaxConcurrency = limits.MaxConcurrency, MaxConcurrencyPerHost = limits.MaxConcurrencyPerHost });
        return (probe, errors);
    }
}

using CorsProbing.Dashboard.Targets;

namespace CorsProbing.Dashboard.Checks;

/// <summary>
/// Turns a <see cref="CheckRequest"/> into a configured probe, collecting the builder's own messages per field so a
/// bad request gets one 400 that names everything wrong with it.
/// </summary>
internal static class CheckValidation
{
    /// <summary>The profiles a check can be judged by, in the order the page shows them.</summary>
    public static IReadOnlyList<CorsProfile> Profiles { get; } = [CorsProfile.Browser, CorsProfile.Chromium, CorsProfile.Firefox, CorsProfile.WebKit, CorsProfile.Galxe];

    /// <summary>How remedies and errors name a check's settings: the form's fields, and the operator's configuration keys.</summary>
    public static CorsSettingNames FormNames { get; } = CorsSettingNames.Configuration() with
    {
        Origin = "fill in the Origin field with the origin of the page that calls the API",
    };

    /// <summary>The configured probe, or the problems keyed by the request's field names.</summary>
    public static (CorsProbeBuilder? Probe, Dictionary<string, string[]> Errors) Build(ICorsProber prober, TrustedTargets trusted, CheckRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Url))
        {
            errors["url"] = ["Enter the API's URL, e.g. https://api.example.com/quests."];
            return (null, errors);
        }

        CorsProbeBuilder? probe = null;
        Apply(errors, "url", () => probe = trusted.Route(prober.CreateProbe(request.Url.Trim()).NamingSettingsAs(FormNames)));
        if (probe is null)
        {
            return (null, errors);
        }

        if (!string.IsNullOrWhiteSpace(request.Origin))
        {
            Apply(errors, "origin", () => probe = probe.WithOrigin(request.Origin.Trim()));
        }

        Apply(errors, "methods", () => probe = probe.RequireMethods([.. Methods(request)]));
        foreach (var line in Headers(request))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Apply(errors, "headers", () => probe = colon < 0
                ? probe.RequireHeaders(line)
                : probe.RequireHeader(line[..colon].Trim(), line[(colon + 1)..]));
        }

        probe = request.Credentials ? probe.WithCredentials() : probe;
        if (!string.IsNullOrWhiteSpace(request.Profile))
        {
            if (CorsProfile.FindBuiltIn(request.Profile.Trim()) is { } profile)
            {
                probe = probe.UsingProfile(profile);
            }
            else
            {
                errors["profile"] = [$"'{request.Profile}' is not a profile; use {string.Join(", ", Profiles)}."];
            }
        }

        probe = request.Audit ? probe.Audit() : probe;
        return (errors.Count == 0 ? probe : null, errors);
    }

    /// <summary>The request's methods, trimmed; GET when it names none.</summary>
    public static IReadOnlyList<string> Methods(CheckRequest request)
    {
        var methods = (request.Methods ?? []).Select(m => m.Trim()).Where(m => m.Length > 0).ToArray();
        return methods.Length > 0 ? methods : ["GET"];
    }

    /// <summary>The request's header lines, trimmed, without empty ones.</summary>
    public static IReadOnlyList<string> Headers(CheckRequest request) =>
        (request.Headers ?? []).Select(h => h.Trim()).Where(h => h.Length > 0).ToArray();

    private static void Apply(Dictionary<string, string[]> errors, string field, Action apply)
    {
        try
        {
            apply();
        }
        catch (ArgumentException exception)
        {
            // The builder's message, without the " (Parameter 'x')" suffix that names its own parameter.
            var message = exception.ParamName is null ? exception.Message : exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);
            errors[field] = errors.TryGetValue(field, out var earlier) ? [.. earlier, message] : [message];
        }
    }
}

namespace CorsProbing.Reporting;

/// <summary>
/// What a finding is about, in the vocabulary profiles are written in: each profile derives its severity from the
/// scope and its own rules (<see cref="ProfileJudgement"/>).
/// </summary>
internal enum FindingScope
{
    /// <summary>Counts under every profile at the rule's severity (transport failures, warnings, notes).</summary>
    Everyone = 0,

    /// <summary>The OPTIONS answer as a preflight: counts where one is sent (by the browser, or always by the profile).</summary>
    Preflight = 1,

    /// <summary>Like <see cref="Preflight"/>, and only under profiles that check <c>Access-Control-Allow-Headers</c>.</summary>
    AllowHeaders = 2,

    /// <summary>The CORS check of the actual response: counts under profiles that judge actual responses.</summary>
    ActualResponse = 3,

    /// <summary>A method allowed without being listed: an error under profiles that require listed methods.</summary>
    MethodListing = 4,

    /// <summary>The URL's port: an error under profiles that accept only some ports.</summary>
    Port = 5,

    /// <summary>How long an answer took: an error under profiles with a shorter time limit.</summary>
    Duration = 6,
}

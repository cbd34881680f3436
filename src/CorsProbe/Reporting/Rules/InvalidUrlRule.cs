namespace CorsProbing.Reporting.Rules;

/// <summary>CORS020: an input of a batch is not a URL CorsProbe can probe, so nothing was sent for it.</summary>
internal static class InvalidUrlRule
{
    public const string Title = "Not a URL to probe";

    /// <summary>The finding for <paramref name="input"/>, which the URL rules refused with <paramref name="problem"/>.</summary>
    public static FindingDraft Draft(string? input, string problem) => new(
        CorsFindingCodes.InvalidUrl,
        Title,
        null,
        FindingScope.Everyone,
        CorsSeverity.Error,
        input is null ? "The input holds no URL (null), so nothing was sent." : $"{problem} Nothing was sent for this input.",
        "Give an absolute http or https URL, such as https://api.example.com/path; the other inputs of the batch are probed as usual.");
}

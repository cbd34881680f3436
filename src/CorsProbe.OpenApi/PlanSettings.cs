namespace CorsProbing.OpenApi;

/// <summary>The caller's choices that shape the derivation.</summary>
/// <param name="Server">The server to use instead of the document's.</param>
/// <param name="Parameters">Values for parameters, by name.</param>
/// <param name="OptionalHeaders">Whether optional header and cookie parameters are sent.</param>
/// <param name="Names">How messages name these settings.</param>
internal sealed record PlanSettings(Uri? Server, IReadOnlyDictionary<string, string> Parameters, bool OptionalHeaders, OpenApiSettingNames Names);

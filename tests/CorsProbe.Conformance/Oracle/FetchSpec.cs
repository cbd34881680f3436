namespace CorsProbing.Conformance.Oracle;

/// <summary>One <c>fetch()</c> a runner page performs.</summary>
/// <param name="Id">Reported back with the outcome.</param>
/// <param name="Url">The request URL.</param>
/// <param name="Method">The method passed to <c>fetch()</c>.</param>
/// <param name="Headers">The headers passed to <c>fetch()</c>.</param>
/// <param name="Credentials">Whether to use <c>credentials: "include"</c>.</param>
/// <param name="Repeat">A second fetch after a delay, or null.</param>
public sealed record FetchSpec(int Id, string Url, string Method, IReadOnlyList<KeyValuePair<string, string>> Headers, bool Credentials, Cases.RepeatFetch? Repeat = null);

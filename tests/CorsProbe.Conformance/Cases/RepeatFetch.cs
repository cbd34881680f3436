namespace CorsProbing.Conformance.Cases;

/// <summary>
/// A second, identical <c>fetch()</c> some time after the first: whether the engine sends a second preflight shows how
/// long it cached the first one's answer.
/// </summary>
/// <param name="DelayMilliseconds">How long the page waits after the first fetch settles.</param>
/// <param name="NoStore">Whether the second fetch uses <c>cache: "no-store"</c>.</param>
public sealed record RepeatFetch(int DelayMilliseconds, bool NoStore = false)
{
    /// <summary>For the fingerprint and the tables.</summary>
    public override string ToString() => $"again after {DelayMilliseconds} ms{(NoStore ? ", cache no-store" : string.Empty)}";
}

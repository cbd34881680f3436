namespace CorsProbing.Batch;

/// <summary>
/// One input of a batch: the caller's key, the URL as given, and the probe of it; or, for an input that is not a URL
/// to probe, why (<see cref="Problem"/>), with the template whose report it gets.
/// </summary>
/// <param name="Key">What the caller passed with the input.</param>
/// <param name="Input">The URL as given (null when none was).</param>
/// <param name="Probe">The probe of the input; the template when the input was refused.</param>
/// <param name="Problem">Why the input is not a URL to probe, or null.</param>
internal sealed record BatchItem<TKey>(TKey Key, string? Input, CorsProbeBuilder Probe, string? Problem)
{
    /// <summary>The probe of <paramref name="url"/> by <paramref name="template"/>, or the refusal of an input that is not a URL to probe.</summary>
    public static BatchItem<TKey> Of(CorsProbeBuilder template, TKey key, string? url)
    {
        try
        {
            return new(key, url, template.ForUrl(url!), null);
        }
        catch (ArgumentException exception)
        {
            // The builder's message, without the parameter name .NET appends: the input is the caller's data.
            return new(key, url, template, exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal));
        }
    }

    /// <summary>The host whose per-host limit the probe counts against; null for a refused input, which sends nothing.</summary>
    public string? Host => Problem is null ? Probe.Url.IdnHost : null;
}

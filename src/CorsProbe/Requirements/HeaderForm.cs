namespace CorsProbing.Requirements;

/// <summary>How a group of engines names the request's CORS-unsafe headers: the same preflight, sent once for all of them.</summary>
/// <param name="Engines">The engines that send this form.</param>
/// <param name="UnsafeHeaderNames">The names sent in <c>Access-Control-Request-Headers</c>, as <see cref="CorsUnsafeHeaderNames.Compute"/> gives them.</param>
internal sealed record HeaderForm(EngineSet Engines, string[] UnsafeHeaderNames)
{
    /// <summary>The one form of a request without headers.</summary>
    public static IReadOnlyList<HeaderForm> NoHeaders { get; } = [new(EngineSet.All, [])];

    /// <summary>The forms of <paramref name="headers"/>: one per distinct list of names, in engine order.</summary>
    public static IReadOnlyList<HeaderForm> Of(IReadOnlyList<AuthorHeader> headers)
    {
        if (headers.Count == 0)
        {
            return NoHeaders;
        }

        var forms = new List<HeaderForm>(1);
        foreach (var engine in BrowserEngine.All)
        {
            var names = CorsUnsafeHeaderNames.Compute(headers, engine);
            var index = 0;
            while (index < forms.Count && !forms[index].UnsafeHeaderNames.AsSpan().SequenceEqual(names))
            {
                index++;
            }

            if (index == forms.Count)
            {
                forms.Add(new HeaderForm(EngineSet.Of(engine), names));
            }
            else
            {
                forms[index] = forms[index] with { Engines = forms[index].Engines.Union(EngineSet.Of(engine)) };
            }
        }

        return forms.AsReadOnly();
    }
}

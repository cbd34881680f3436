namespace CorsProbing.Http;

/// <summary>What follows a redirect: the next request, or why browsers stop (<see cref="Refusal"/>).</summary>
/// <param name="Context">The next request, as a browser forms it (default when refused).</param>
/// <param name="Headers">The page's headers the next request carries.</param>
/// <param name="Refusal">Why browsers do not follow the redirect, or <see cref="RedirectRefusal.None"/>.</param>
/// <param name="Location">The URL the redirect points to, when it parsed.</param>
internal readonly record struct RedirectOutcome(CorsRequest Context, IReadOnlyList<AuthorHeader> Headers, RedirectRefusal Refusal, Uri? Location)
{
    /// <summary>An outcome where browsers stop.</summary>
    public static RedirectOutcome Refused(RedirectRefusal refusal, Uri? location) => new(default, [], refusal, location);
}

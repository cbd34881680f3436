using CorsProbing.Evaluation;

namespace CorsProbing.Evidence;

/// <summary>
/// One request a redirect led to, and its evaluation: the redirected GET/HEAD (or stand-in), or the preflight a
/// browser sends first when the request it follows the redirect with still needs one.
/// </summary>
/// <param name="Context">The request as the browser forms it at this hop (its URL, its origin, possibly <c>null</c>).</param>
/// <param name="Exchange">The request and its response, or why none came.</param>
/// <param name="Evaluation">The response's evaluation; <see cref="ResponseEvaluation.IsAbsent"/> when none came.</param>
internal sealed record FollowUpHop(CorsRequest Context, CorsExchange Exchange, ResponseEvaluation Evaluation)
{
    /// <summary>Whether this hop is a preflight at the redirect's URL.</summary>
    public bool IsPreflight => Exchange.Kind == ExchangeKind.Preflight;
}

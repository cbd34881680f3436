using CorsProbing.Evaluation;
using CorsProbing.Requirements;

namespace CorsProbing.Reporting;

/// <summary>
/// One request a redirect led to, and its evaluation: the redirected GET/HEAD (or stand-in), or the preflight a
/// browser sends first when the request it follows the redirect with still needs one.
/// </summary>
/// <param name="context">The request as the browser forms it at this hop (its URL, its origin, possibly <c>null</c>).</param>
/// <param name="exchange">The request and its response, or why none came.</param>
/// <param name="evaluation">The response's evaluation; absent when none came.</param>
internal sealed class FollowUpHop(PreflightContext context, PreflightExchange exchange, in ResponseEvaluation evaluation)
{
    private readonly ResponseEvaluation _evaluation = evaluation;

    /// <summary>The request as the browser forms it at this hop.</summary>
    public PreflightContext Context { get; } = context;

    /// <summary>The request and its response, or why none came.</summary>
    public PreflightExchange Exchange { get; } = exchange;

    /// <summary>The response's evaluation; <see cref="ResponseEvaluation.IsAbsent"/> when none came.</summary>
    public ref readonly ResponseEvaluation Evaluation => ref _evaluation;

    /// <summary>Whether this hop is a preflight at the redirect's URL.</summary>
    public bool IsPreflight => Exchange.Kind == ExchangeKind.Preflight;
}

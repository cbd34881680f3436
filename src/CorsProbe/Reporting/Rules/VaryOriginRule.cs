using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>
/// CORS103: <c>Access-Control-Allow-Origin</c> depends on the request's origin, and a response that echoes the origin
/// has no <c>Vary: Origin</c>, so a shared cache may serve one origin's answer to another. One probe from one origin
/// cannot tell an echo from a constant value, so the rule speaks only when requests from other origins (the audit's,
/// <c>RejectOrigins</c>) got another value; it is one finding for the whole probe, naming every response concerned.
/// </summary>
internal static class VaryOriginRule
{
    public const string Title = "Origin echoed without Vary: Origin";

    public static void Apply(IReadOnlyList<MethodEvidence> methods, AuditResult? audit, List<FindingDraft> findings)
    {
        if (audit is null || !methods.Any(evidence => evidence.AnyResponseHas(CorsChecks.MissingVaryOrigin)))
        {
            return;
        }

        var unvaried = (from evidence in methods
                        from response in CheckedResponse.Of(evidence)
                        where response.Evaluation.Has(CorsChecks.MissingVaryOrigin)
                        select (Evidence: evidence, Response: response)).ToList();
        var origin = unvaried[0].Response.Context.Origin;
        if (audit.OtherOrigins.FirstOrDefault(answer => answer.Origin != origin && answer.AllowOrigin != origin) is not { Origin: not null } other)
        {
            return;
        }

        var subjects = unvaried.Select(pair => pair.Response.Subject(pair.Evidence.Method)).Distinct().ToList();
        var responses = subjects.Count == 1 ? subjects[0] : $"{string.Join(", the ", subjects[..^1])} and the {subjects[^1]}";
        var vary = unvaried[0].Response.Evaluation.Headers.Vary.IsAbsent
            ? "no `Vary` header"
            : $"{HeaderText.Describe(CorsHeaderNames.Vary, unvaried[0].Response.Evaluation.Headers.Vary)}, which does not list `Origin`";
        var otherValue = other.AllowOrigin is null ? "no Access-Control-Allow-Origin" : $"`{Requirements.Printable.Escape(other.AllowOrigin)}`";
        var counted = unvaried.FirstOrDefault(pair => pair.Response.Scope == FindingScope.Preflight && pair.Evidence.Context.BrowserSendsPreflight);
        var (scope, preflighted) = counted.Evidence is not null ? (FindingScope.Preflight, true)
            : unvaried.Exists(pair => pair.Response.Scope == FindingScope.ActualResponse) ? (FindingScope.ActualResponse, false)
            : (FindingScope.Preflight, false);
        var methodNames = unvaried.Select(pair => pair.Evidence.Method).Distinct().ToList();
        findings.Add(new FindingDraft(
            CorsFindingCodes.MissingVaryOrigin,
            Title,
            methodNames.Count == 1 ? methodNames[0] : null,
            scope,
            CorsSeverity.Warning,
            $"Access-Control-Allow-Origin depends on the request's origin (`{origin}` gets `{origin}`, `{other.Origin}` got {otherValue}), but the {responses} {(unvaried.Count == 1 ? "has" : "have")} {vary}: a shared cache (a CDN, a proxy) may serve one origin's answer to the other, which browsers then block.",
            "Add `Vary: Origin` to every response whose Access-Control-Allow-Origin depends on the request's Origin.")
        {
            BrowserSendsPreflight = preflighted,
            Engines = unvaried.Aggregate(EngineSet.None, (engines, pair) => engines.Union(pair.Evidence.Context.Engines)),
        });
    }
}

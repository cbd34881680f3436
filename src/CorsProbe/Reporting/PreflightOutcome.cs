namespace CorsProbing.Reporting;

/// <summary>One preflight's exchange and the findings drawn from it.</summary>
internal sealed record PreflightOutcome(PreflightExchange Exchange, IReadOnlyList<FindingDraft> Findings);

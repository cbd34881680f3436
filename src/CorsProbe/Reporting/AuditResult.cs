namespace CorsProbing.Reporting;

/// <summary>What the audit adds to a report: security findings (most dangerous first) and report findings.</summary>
/// <param name="Audited">Whether the crafted origins were tried (not only rejected origins).</param>
/// <param name="Security">The security findings, most dangerous first.</param>
/// <param name="Drafts">CORS017 for allowed rejected origins, and notes.</param>
/// <param name="OtherOrigins">
/// What each request from another origin that got an answer was told in <c>Access-Control-Allow-Origin</c> (null when
/// nothing): the evidence that the value depends on the origin.
/// </param>
internal sealed record AuditResult(
    bool Audited, IReadOnlyList<CorsSecurityFinding> Security, IReadOnlyList<FindingDraft> Drafts, IReadOnlyList<(string Origin, string? AllowOrigin)> OtherOrigins);

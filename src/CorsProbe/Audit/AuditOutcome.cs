using CorsProbing.Reporting;

namespace CorsProbing.Audit;

/// <summary>What the audit adds to a report: security findings (most dangerous first) and report findings.</summary>
/// <param name="Audited">Whether the crafted origins were tried (not only rejected origins).</param>
/// <param name="Security">The security findings, most dangerous first.</param>
/// <param name="Drafts">CORS017 for allowed rejected origins, and notes.</param>
internal sealed record AuditOutcome(bool Audited, IReadOnlyList<CorsSecurityFinding> Security, IReadOnlyList<FindingDraft> Drafts)
{
    /// <summary>Sends the audit's requests and classifies the answers.</summary>
    public static async Task<AuditOutcome> RunAsync(
        HttpClient client, Requirements.CorsRequirements requirements, string origin, bool sendActualRequest, CancellationToken cancellationToken)
    {
        var responses = await AuditRunner.RunAsync(client, requirements, origin, requirements.Audit, sendActualRequest, cancellationToken).ConfigureAwait(false);
        var (security, drafts) = AuditFindings.Classify(responses, requirements.Url, requirements.Audit);
        return new AuditOutcome(requirements.Audit, [.. security.OrderByDescending(f => f.Risk)], drafts);
    }
}

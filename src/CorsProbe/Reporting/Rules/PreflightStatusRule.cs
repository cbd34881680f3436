using CorsProbing.Evaluation;

namespace CorsProbing.Reporting.Rules;

/// <summary>CORS003: the preflight's status is not an ok status (Fetch "CORS-preflight fetch" step 7).</summary>
internal static class PreflightStatusRule
{
    public const string Title = "Preflight status is not OK";

    public static void Apply(MethodEvidence evidence, List<FindingDraft> findings)
    {
        if (!evidence.PreflightHas(CorsChecks.Status))
        {
            return;
        }

        var preflight = evidence.Preflight;

        findings.Add(evidence.Draft(
            CorsFindingCodes.PreflightStatus,
            Title,
            FindingScope.Preflight,
            CorsSeverity.Error,
            $"The preflight answered {preflight.Response.Status} {preflight.Response.ReasonPhrase}; browsers require an ok status (200–299).{evidence.NoPreflightNote}",
            "Answer OPTIONS with 204 No Content (or 200) before authentication, routing or method checks reject it; in ASP.NET Core, call app.UseCors() before UseAuthentication() and UseAuthorization()."));
    }
}

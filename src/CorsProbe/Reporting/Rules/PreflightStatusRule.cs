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

        var response = evidence.Preflight.Response;
        findings.Add(evidence.Draft(
            CorsFindingCodes.PreflightStatus,
            Title,
            FindingScope.Preflight,
            CorsSeverity.Error,
            $"The preflight answered {response.Status} {response.ReasonPhrase}; browsers require an ok status (200–299).{evidence.NoPreflightNote}",
            Remedy(response.Status, ServerIdentity.Of(response))));
    }

    // What the status says went wrong comes first; the server's own configuration only when the response names it.
    private static string Remedy(int status, ServerSoftware server) => status switch
    {
        404 or 405 or 501 => $"No route answers OPTIONS at this URL (the server answered {status}): make it answer the preflight with 204 No Content (or 200) and the CORS headers.{ServerIdentity.AnswerOptions(server)}",
        401 or 403 => $"The preflight was refused as unauthenticated ({status}), but browsers never send credentials or an Authorization header on a preflight: answer OPTIONS with 204 before authentication.{(server == ServerSoftware.AspNetCore ? " In ASP.NET Core, call app.UseCors() before UseAuthentication() and UseAuthorization()." : string.Empty)}",
        _ => $"Answer OPTIONS with 204 No Content (or 200) and the CORS headers; the server answered {status}.",
    };
}

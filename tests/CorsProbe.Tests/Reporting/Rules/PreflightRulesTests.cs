using CorsProbing.Reporting.Rules;

namespace CorsProbing.Tests.Reporting.Rules;

public class PreflightRulesTests
{
    [Fact]
    public void TheRules_ReportInChromiumsOrderOfChecks()
    {
        // Fails the CORS check, the status and the method check at once.
        var evidence = new HandBuiltEvidence { Status = 403, Lines = [("Access-Control-Allow-Methods", "GET")] };

        var codes = evidence.Run(PreflightRules.Apply).Select(f => f.Code).ToList();

        codes.Should().ContainInOrder(CorsFindingCodes.AllowOriginMissing, CorsFindingCodes.PreflightStatus, CorsFindingCodes.MethodNotAllowed);
    }
}

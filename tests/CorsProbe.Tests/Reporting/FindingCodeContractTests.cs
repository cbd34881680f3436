using CorsProbing.Testing;

namespace CorsProbing.Tests.Reporting;

/// <summary>The codes are a published contract: their values and titles never change.</summary>
public class FindingCodeContractTests
{
    [Theory]
    [InlineData(CorsFindingCodes.Unreachable, "CORS001")]
    [InlineData(CorsFindingCodes.Timeout, "CORS002")]
    [InlineData(CorsFindingCodes.PreflightStatus, "CORS003")]
    [InlineData(CorsFindingCodes.Redirect, "CORS004")]
    [InlineData(CorsFindingCodes.AllowOriginMissing, "CORS005")]
    [InlineData(CorsFindingCodes.AllowOriginMultiple, "CORS006")]
    [InlineData(CorsFindingCodes.AllowOriginMismatch, "CORS007")]
    [InlineData(CorsFindingCodes.WildcardWithCredentials, "CORS008")]
    [InlineData(CorsFindingCodes.AllowCredentials, "CORS009")]
    [InlineData(CorsFindingCodes.InvalidAllowMethods, "CORS010")]
    [InlineData(CorsFindingCodes.MethodNotAllowed, "CORS011")]
    [InlineData(CorsFindingCodes.InvalidAllowHeaders, "CORS012")]
    [InlineData(CorsFindingCodes.HeaderNotAllowed, "CORS013")]
    [InlineData(CorsFindingCodes.MethodNotListed, "CORS014")]
    [InlineData(CorsFindingCodes.NonStandardPort, "CORS015")]
    [InlineData(CorsFindingCodes.AuthorizationCoveredByWildcard, "CORS101")]
    [InlineData(CorsFindingCodes.NoPreflightInBrowser, "CORS102")]
    [InlineData(CorsFindingCodes.MissingVaryOrigin, "CORS103")]
    [InlineData(CorsFindingCodes.MaxAge, "CORS104")]
    [InlineData(CorsFindingCodes.ProfilesDisagree, "CORS105")]
    [InlineData(CorsFindingCodes.TargetAddressNotAllowed, "CORS016")]
    [InlineData(CorsFindingCodes.RejectedOriginAllowed, "CORS017")]
    [InlineData(CorsFindingCodes.WildcardOrigin, "CORS106")]
    [InlineData(CorsFindingCodes.AuditIncomplete, "CORS107")]
    [InlineData(CorsFindingCodes.ReflectsAnyOrigin, "CORS201")]
    [InlineData(CorsFindingCodes.ReflectsAnyOriginWithCredentials, "CORS202")]
    [InlineData(CorsFindingCodes.TrustsNullOrigin, "CORS203")]
    [InlineData(CorsFindingCodes.PrefixBypass, "CORS204")]
    [InlineData(CorsFindingCodes.SuffixBypass, "CORS205")]
    [InlineData(CorsFindingCodes.UnescapedDotBypass, "CORS206")]
    [InlineData(CorsFindingCodes.SubdomainTrusted, "CORS207")]
    [InlineData(CorsFindingCodes.SpecialCharacterBypass, "CORS208")]
    [InlineData(CorsFindingCodes.InsecureOriginTrusted, "CORS209")]
    [InlineData(CorsFindingCodes.ThirdPartyOriginTrusted, "CORS210")]
    [InlineData(CorsFindingCodes.ReflectsRequestedLists, "CORS211")]
    [InlineData(CorsFindingCodes.DynamicOriginWithoutVary, "CORS212")]
    [InlineData(CorsFindingCodes.WildcardWithCredentialsAttempted, "CORS213")]
    public void EveryCode_KeepsItsValue(string constant, string code) => constant.Should().Be(code);

    [Fact]
    public void EveryCode_IsListedInTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var codes = typeof(CorsFindingCodes).GetFields().Select(f => (string)f.GetValue(null)!);

        foreach (var code in codes)
        {
            readme.Should().Contain($"| {code} |");
        }
    }
}

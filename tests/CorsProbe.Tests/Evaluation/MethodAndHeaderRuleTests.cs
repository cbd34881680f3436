using System.Net;
using CorsProbing.Evaluation;

namespace CorsProbing.Tests.Evaluation;

public class MethodAndHeaderRuleTests
{
    private static CorsChecks Evaluate(string method, bool credentials, string[] unsafeHeaders, params (string, string)[] lines)
    {
        var origin = ("Access-Control-Allow-Origin", Probe.Origin);
        var allowCredentials = ("Access-Control-Allow-Credentials", "true");
        using var response = Responses.With(HttpStatusCode.NoContent, [origin, allowCredentials, ("Vary", "Origin"), .. lines]);
        return Responses.EvaluatePreflight(response, Responses.Context(method, Probe.Origin, credentials, unsafeHeaders)).Checks;
    }

    [Theory]
    [InlineData("PUT", "PUT", "None")]
    [InlineData("PUT", "put", "MethodNotAllowed")]
    [InlineData("patch", "PATCH", "MethodNotAllowed")]
    [InlineData("PATCH", "patch", "MethodNotAllowed")]
    [InlineData("patch", "patch", "None")]
    [InlineData("GET", "get", "MethodOnlySafelisted")]
    [InlineData("POST", "PUT", "MethodOnlySafelisted")]
    [InlineData("DELETE", "GET, POST", "MethodNotAllowed")]
    [InlineData("DELETE", "GET,,DELETE", "None")]
    [InlineData("DELETE", "*", "None")]
    [InlineData("PROPFIND", "*", "None")]
    public void Method_MustMatchExactly_SafelistedOrWildcard(string method, string allowMethods, string expected) =>
        Evaluate(method, false, [], ("Access-Control-Allow-Methods", allowMethods)).Should().Be(Enum.Parse<CorsChecks>(expected));

    [Fact]
    public void Method_AbsentAllowMethods_AllowsOnlySafelisted()
    {
        Evaluate("GET", false, []).Should().Be(CorsChecks.MethodOnlySafelisted);
        Evaluate("PUT", false, []).Should().Be(CorsChecks.MethodNotAllowed);
    }

    [Fact]
    public void Method_WildcardIsLiteral_WithCredentials() =>
        Evaluate("DELETE", true, [], ("Access-Control-Allow-Methods", "*")).Should().Be(CorsChecks.MethodNotAllowed);

    [Fact]
    public void Method_InvalidList_FailsEvenForASafelistedMethod() =>
        Evaluate("GET", false, [], ("Access-Control-Allow-Methods", "GET POST")).Should().Be(CorsChecks.InvalidAllowMethods);

    [Fact]
    public void Method_MergesSeveralLines() =>
        Evaluate("DELETE", false, [], ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Methods", "DELETE")).Should().Be(CorsChecks.None);

    [Fact]
    public void Headers_AreComparedCaseInsensitively() =>
        Evaluate("PUT", false, ["content-type", "x-custom"], ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "Content-Type, X-CUSTOM"))
            .Should().Be(CorsChecks.None);

    [Fact]
    public void Headers_EveryUnsafeNameMustBeListed() =>
        Evaluate("PUT", false, ["content-type", "x-custom"], ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "Content-Type"))
            .Should().Be(CorsChecks.HeaderNotAllowed);

    [Fact]
    public void Headers_WildcardCoversEverything_WithoutCredentials() =>
        Evaluate("PUT", false, ["x-custom"], ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "*"))
            .Should().Be(CorsChecks.None);

    [Fact]
    public void Headers_WildcardCoversAuthorization_OnlyByLeniency() =>
        Evaluate("PUT", false, ["authorization"], ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "*"))
            .Should().Be(CorsChecks.AuthorizationByWildcard);

    [Fact]
    public void Headers_WildcardPlusExplicitAuthorization_IsClean() =>
        Evaluate("PUT", false, ["authorization"], ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "*, Authorization"))
            .Should().Be(CorsChecks.None);

    [Fact]
    public void Headers_WildcardIsLiteral_WithCredentials() =>
        Evaluate("PUT", true, ["x-custom"], ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "*"))
            .Should().Be(CorsChecks.HeaderNotAllowed);

    [Fact]
    public void Headers_InvalidList_FailsEvenWithoutUnsafeHeaders() =>
        Evaluate("PUT", false, [], ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "X-A; X-B"))
            .Should().Be(CorsChecks.InvalidAllowHeaders);

    [Fact]
    public void BothListsInvalid_ReportsBoth() =>
        Evaluate("PUT", false, [], ("Access-Control-Allow-Methods", "\"PUT\""), ("Access-Control-Allow-Headers", "X/B"))
            .Should().Be(CorsChecks.InvalidAllowMethods | CorsChecks.InvalidAllowHeaders);

    // "*" is a wildcard only without credentials, but it is always a token: with credentials it still matches a
    // request header or a method named "*", in both lists alike.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Headers_StarMatchesAHeaderNamedStar_WithOrWithoutCredentials(bool credentials) =>
        Evaluate("PUT", credentials, ["*"], ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "*"))
            .Should().Be(CorsChecks.None);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Methods_StarMatchesAMethodNamedStar_WithOrWithoutCredentials(bool credentials) =>
        Evaluate("*", credentials, [], ("Access-Control-Allow-Methods", "*"))
            .Should().Be(CorsChecks.None);

    [Fact]
    public void Headers_StarWithCredentials_CoversOnlyTheHeaderNamedStar() =>
        Evaluate("PUT", true, ["*", "x-custom"], ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "*"))
            .Should().Be(CorsChecks.HeaderNotAllowed);

    [Fact]
    public void Headers_EvidenceNamesEveryUnlistedHeader()
    {
        using var response = Responses.With(HttpStatusCode.NoContent, ("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "X-B"));

        var evaluation = Responses.EvaluatePreflight(response, Responses.Context("PUT", Probe.Origin, false, "x-a", "x-b", "x-c"));

        evaluation.RequestHeaders.Unlisted.Should().Equal("x-a", "x-c");
    }

    [Fact]
    public void Methods_EvidenceNamesTheCaseVariant()
    {
        using var response = Responses.With(HttpStatusCode.NoContent, ("Access-Control-Allow-Origin", Probe.Origin), ("Access-Control-Allow-Methods", "GET,  Patch"));

        var evaluation = Responses.EvaluatePreflight(response, Responses.Context("PATCH"));

        evaluation.Methods.CaseVariant.Should().Be("Patch");
        evaluation.Methods.List.Elements.Should().Equal("GET", "Patch");
        evaluation.Checks.Should().Be(CorsChecks.MethodNotAllowed | CorsChecks.MissingVaryOrigin);
    }
}

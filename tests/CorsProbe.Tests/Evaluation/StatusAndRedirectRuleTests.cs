using System.Net;
using CorsProbing.Evaluation;

namespace CorsProbing.Tests.Evaluation;

public class StatusAndRedirectRuleTests
{
    private static ResponseEvaluation Evaluate(int status, params (string, string)[] lines)
    {
        var all = lines.Append(("Access-Control-Allow-Origin", "*")).Append(("Access-Control-Allow-Methods", "PUT")).ToArray();
        using var response = Responses.With((HttpStatusCode)status, all);
        return Responses.EvaluatePreflight(response, Responses.Context("PUT"));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(204)]
    [InlineData(206)]
    [InlineData(299)]
    public void OkStatuses_Pass(int status) => Evaluate(status).Checks.Should().Be(CorsChecks.None);

    [Theory]
    [InlineData(199)]
    [InlineData(300)]
    [InlineData(304)]
    [InlineData(302)]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(500)]
    public void OtherStatuses_Fail(int status) => Evaluate(status).Checks.Should().Be(CorsChecks.Status);

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public void RedirectStatusesWithLocation_AreRedirects(int status) =>
        Evaluate(status, ("Location", "https://elsewhere.example/")).Checks.Should().Be(CorsChecks.Redirect);

    [Theory]
    [InlineData(300)]
    [InlineData(304)]
    public void OtherThreeHundreds_WithLocation_AreJustNotOk(int status) =>
        Evaluate(status, ("Location", "https://elsewhere.example/")).Checks.Should().Be(CorsChecks.Status);

    [Fact]
    public void ARedirectWithAnEmptyLocation_IsJustNotOk() =>
        Evaluate(302, ("Location", "  ")).Checks.Should().Be(CorsChecks.Status);

    [Fact]
    public void AHandlerThatFollowedARedirect_IsDetectedFromTheRequestUri()
    {
        using var response = Responses.With(HttpStatusCode.OK, ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT"));
        response.RequestMessage = new HttpRequestMessage(HttpMethod.Options, "https://elsewhere.example/quests");

        Responses.EvaluatePreflight(response, Responses.Context("PUT")).Checks.Should().Be(CorsChecks.RedirectFollowed);
    }
}

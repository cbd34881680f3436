namespace CorsProbing.Tests.Http;

/// <summary>CorsProbe never sends an unsafe method: every path (probe, audit, rejected origins, batch) sends OPTIONS, GET or HEAD only.</summary>
public class UnsafeMethodsNeverSentTests
{
    private static readonly HttpMethod[] Safe = [HttpMethod.Options, HttpMethod.Get, HttpMethod.Head];

    public static TheoryData<string, string?> Requests => new()
    {
        { "POST", null },
        { "POST", "application/json" },
        { "PUT", null },
        { "PATCH", null },
        { "DELETE", null },
        { "PROPFIND", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task TheProbe_TheAudit_AndRejectedOrigins_SendOnlySafeMethods(string method, string? contentType)
    {
        var server = StubCorsServer.Allowing("*", methods: "*", headers: "*");
        var probe = Probe.Through(server).RequireMethods(method, "GET").Audit().RejectOrigins("https://evil.example");
        probe = contentType is null ? probe : probe.RequireHeader("Content-Type", contentType);

        await probe.RunAsync();

        server.AllReceived.Should().NotBeEmpty().And.OnlyContain(r => Safe.Contains(r.Method));
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    [InlineData(301)]
    public async Task Redirects_AreFollowedWithSafeMethodsOnly_EvenWhereTheBrowserKeepsTheUnsafeOne(int status)
    {
        // A 307/308 keeps a browser's PUT a PUT at the new URL: CorsProbe preflights it there and sends a GET.
        var server = new StubCorsServer
        {
            StatusFor = r => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath == "/quests" ? (System.Net.HttpStatusCode)status : System.Net.HttpStatusCode.OK,
            LinesFor = r => [("Location", "/v2/quests"), ("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "*"), ("Access-Control-Allow-Headers", "*")],
        };

        await Probe.Through(server).RequireMethods("PUT", "DELETE", "POST").Audit().RunAsync();

        server.AllReceived.Should().Contain(r => r.RequestUri!.AbsolutePath == "/v2/quests", "the redirects were followed")
            .And.OnlyContain(r => Safe.Contains(r.Method));
    }

    [Fact]
    public async Task ABatch_SendsOnlySafeMethods()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "POST, PUT, PATCH, DELETE");
        var probes = new[] { "POST", "PUT", "PATCH", "DELETE" }.Select(m => Probe.Through(server).RequireMethods(m));

        await foreach (var _ in CorsProbe.ProbeManyAsync(probes, cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        server.AllReceived.Should().HaveCount(8, "a preflight and a stand-in GET each").And.OnlyContain(r => Safe.Contains(r.Method));
    }
}

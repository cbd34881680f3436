using System.Collections.Concurrent;
using System.Text;
using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CorsProbing.Tests.Http;

/// <summary>
/// <c>SendActualRequests()</c>: the actual request of every required method where a browser sends it, with the page's
/// headers and body, judged as browsers judge it; without it, no unsafe method ever reaches the server.
/// </summary>
public class SendActualRequestsTests
{
    /// <summary>A loopback server that records every request (method, content type, body) and answers as its start says.</summary>
    private sealed class RecordingServer(WebApplication app, string url, ConcurrentQueue<(string Method, string? ContentType, string Body)> requests) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public IReadOnlyList<(string Method, string? ContentType, string Body)> Requests => [.. requests];

        public static async Task<RecordingServer> StartAsync(Func<HttpContext, (int Status, string? AllowOrigin)> answer)
        {
            var requests = new ConcurrentQueue<(string, string?, string)>();
            var (app, baseUrl) = await LoopbackKestrel.StartAsync(null, app => app.Run(async context =>
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                requests.Enqueue((context.Request.Method, context.Request.ContentType, await reader.ReadToEndAsync(context.RequestAborted)));
                var (status, allowOrigin) = answer(context);
                context.Response.StatusCode = status;
                if (allowOrigin is not null)
                {
                    context.Response.Headers.AccessControlAllowOrigin = allowOrigin;
                    context.Response.Headers.AccessControlAllowMethods = "GET, POST, PUT, DELETE";
                    context.Response.Headers.AccessControlAllowHeaders = "Content-Type, X-Api-Key";
                }
            }));
            return new RecordingServer(app, baseUrl + "/quests", requests);
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }

    private static readonly string[] Unsafe = ["POST", "PUT", "PATCH", "DELETE"];

    private static CorsProbeBuilder ProbeOf(RecordingServer server) => CorsProbe.For(server.Url).WithOrigin(Probe.Origin).AllowLoopback();

    [Fact]
    public async Task By_default_no_unsafe_method_reaches_the_server_and_with_the_option_exactly_the_required_ones_do()
    {
        await using var server = await RecordingServer.StartAsync(_ => (200, "*"));

        await ProbeOf(server).RequireMethods("POST", "PUT", "DELETE").Audit().RunAsync();
        var byDefault = server.Requests.Count;
        server.Requests.Should().NotContain(r => Unsafe.Contains(r.Method));

        var report = await ProbeOf(server).RequireMethods("POST", "PUT", "DELETE").Audit().SendActualRequests().RunAsync();

        server.Requests.Skip(byDefault).Where(r => Unsafe.Contains(r.Method)).Select(r => r.Method).Should().BeEquivalentTo(["POST", "PUT", "DELETE"], "one actual request per method, none from the audit");
        report.Preflights.Should().OnlyContain(e => e.Evidence.HasFlag(CorsEvidence.ActualResponse) && !e.Evidence.HasFlag(CorsEvidence.StandIn));
        report.Verdict.Should().Be(CorsVerdict.Allowed);
    }

    [Fact]
    public async Task The_actual_request_carries_the_pages_headers_and_body_and_an_empty_body_when_none_is_given()
    {
        await using var server = await RecordingServer.StartAsync(_ => (200, "*"));

        await ProbeOf(server).RequireMethods("POST").WithRequestBody("application/json", Encoding.UTF8.GetBytes("{\"name\":\"quest\"}")).SendActualRequests().RunAsync();
        await ProbeOf(server).RequireMethods("PUT").SendActualRequests().RunAsync();

        server.Requests.Should().ContainSingle(r => r.Method == "POST").Which.Should().Be(("POST", "application/json", "{\"name\":\"quest\"}"));
        server.Requests.Should().ContainSingle(r => r.Method == "PUT").Which.Body.Should().BeEmpty();
        server.Requests.Where(r => r.Method == "OPTIONS").Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_POST_only_handler_is_inconclusive_by_default_and_allowed_once_the_POST_is_sent()
    {
        // contact.php: OPTIONS and GET get the server's bare 405; the POST answers 200 with `*`.
        await using var server = await RecordingServer.StartAsync(context => context.Request.Method == "POST" ? (200, "*") : (405, null));

        var byDefault = await ProbeOf(server).RequireMethods("POST").RunAsync();
        var certain = await ProbeOf(server).RequireMethods("POST").SendActualRequests().RunAsync();

        byDefault.Verdict.Should().Be(CorsVerdict.Inconclusive);
        certain.Verdict.Should().Be(CorsVerdict.Allowed, certain.ToString());
        certain.Preflights.Single().ActualRequest!.Method.Should().Be("POST");
    }

    [Fact]
    public async Task A_handler_that_fails_only_for_its_method_is_allowed_on_the_stand_in_and_denied_once_the_method_is_sent()
    {
        // FastAPI's crashing POST: the preflight passes, the POST gets a 500 without CORS headers; GET works.
        await using var server = await RecordingServer.StartAsync(context => context.Request.Method == "POST" ? (500, null) : (200, Probe.Origin));

        var byDefault = await ProbeOf(server).RequireMethods("POST").RequireHeaders("X-Api-Key").RunAsync();
        var certain = await ProbeOf(server).RequireMethods("POST").RequireHeaders("X-Api-Key").SendActualRequests().RunAsync();

        byDefault.Verdict.Should().Be(CorsVerdict.Allowed, "the stand-in GET is answered with the grant");
        certain.Verdict.Should().Be(CorsVerdict.Denied);
        certain.Findings.Should().Contain(f => f.Code == CorsFindingCodes.AllowOriginMissing && f.Message.StartsWith("On the actual POST response", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_GET_route_registered_before_the_CORS_layer_is_inconclusive_by_default_and_allowed_once_the_method_is_sent()
    {
        // The OPTIONS answer and the PUT pass through the CORS layer; the GET route answers before it, without headers.
        await using var server = await RecordingServer.StartAsync(context => context.Request.Method == "GET" ? (200, null) : (200, Probe.Origin));

        var byDefault = await ProbeOf(server).RequireMethods("PUT").RunAsync();
        var certain = await ProbeOf(server).RequireMethods("PUT").SendActualRequests().RunAsync();

        byDefault.Verdict.Should().Be(CorsVerdict.Inconclusive, byDefault.ToString());
        byDefault.Findings.Single(f => f.Code == CorsFindingCodes.StandInInconclusive).Message.Should().Contain("the GET route answers without the CORS layer that answered OPTIONS");
        certain.Verdict.Should().Be(CorsVerdict.Allowed, certain.ToString());
    }

    [Fact]
    public async Task A_preflight_that_fails_sends_no_actual_request_as_browsers_send_none()
    {
        await using var server = await RecordingServer.StartAsync(context => context.Request.Method == "OPTIONS" ? (403, null) : (200, "*"));

        var report = await ProbeOf(server).RequireMethods("DELETE").SendActualRequests().RunAsync();

        report.Verdict.Should().Be(CorsVerdict.Denied);
        server.Requests.Should().NotContain(r => r.Method == "DELETE");
    }

    [Fact]
    public void WithoutActualRequests_undoes_it_and_a_body_over_a_mebibyte_is_refused()
    {
        var options = CorsProbe.For(Probe.Url).SendActualRequests().WithoutActualRequests();

        options.ToString().Should().NotBeNull();
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).WithRequestBody("application/json", new byte[1024 * 1024 + 1]))
            .Should().Throw<ArgumentException>().WithMessage("The body is 1,048,577 bytes; a probe sends at most 1,048,576.*");
        FluentActions.Invoking(() => CorsProbe.For(Probe.Url).WithRequestBody("application/json\r\nX: y", []))
            .Should().Throw<ArgumentException>().WithMessage("*CR, LF, NUL*");
    }

    [Fact]
    public async Task Through_a_callers_handler_the_body_and_its_type_travel_as_content()
    {
        var server = StubCorsServer.Allowing(Probe.Origin);

        await Probe.Through(server).RequireMethods("PUT").WithRequestBody("application/json", Encoding.UTF8.GetBytes("[1]")).SendActualRequests().RunAsync();

        var put = server.ActualRequests.Should().ContainSingle(r => r.Method == HttpMethod.Put).Subject;
        put.Content!.Headers.ContentType!.MediaType.Should().Be("application/json");
    }
}

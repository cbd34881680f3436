using CorsProbing.Cli;
using CorsProbing.Tests.Audit;
using Spectre.Console;

namespace CorsProbing.Tests.Cli;

/// <summary>What the tool shows a person at a terminal: tables in input order, whole URLs, each code once, and why it exits as it does.</summary>
public class CliScreenTests
{
    private static (CliEnvironment Environment, StringWriter Output, StringWriter Error) Terminal(string stdin = "", int width = 200)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return (new CliEnvironment(output, error, new StringReader(stdin), console), output, error);
    }

    private static Task<(int Code, string Output, string Error)> Run(HttpMessageHandler? handler, params string[] args) => Tool.Run(handler, args);

    [Fact]
    public async Task TheBatchTable_ListsRowsInInputOrder_WithTheirLines_WhateverOrderTheyFinishIn()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 13).Select(i => $"https://api{i}.example.com/?i={i}"));
        var (environment, output, _) = Terminal(lines);

        var code = await CorsProbeCommand.RunAsync(["--input", "-", "--origin", Probe.Origin, "--concurrency", "13"], environment, new SlowerFirst(OriginPolicyServer.Exact(Probe.Origin)));

        code.Should().Be(0);
        var rows = output.ToString().Split('\n').Where(line => line.Contains("?i=", StringComparison.Ordinal)).ToList();
        rows.Select(row => row[(row.IndexOf("?i=", StringComparison.Ordinal) + 3)..].Split(' ', '│')[0]).Should().Equal(Enumerable.Range(0, 13).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "i=10 comes after i=9, not after i=1");
    }

    [Fact]
    public async Task ALongUrl_IsNeverSplitAcrossLines()
    {
        const string url = "https://a-rather-long-host-name.example.com/api/v1/customers/quests?address=0x1234567890abcdef&page=10";
        var (environment, output, _) = Terminal(url, width: 130);

        await CorsProbeCommand.RunAsync(["--input", "-", "--origin", Probe.Origin], environment, OriginPolicyServer.Exact(Probe.Origin));

        output.ToString().Should().Contain(url);
    }

    [Fact]
    public async Task EachRow_NamesEachCodeOnce_ErrorsFirst_AndNotesOnlyWhenAsked()
    {
        var server = StubCorsServer.Allowing(Probe.Origin, methods: "GET");

        var (_, plain, _) = await Run(server, "--input", "-", "--origin", Probe.Origin);
        var (_, rows, _) = await RunBatch(server, "https://api.example.com/q\n", "--origin", Probe.Origin, "-m", "PUT", "-m", "DELETE", "-m", "HEAD");
        var (_, withNotes, _) = await RunBatch(server, "https://api.example.com/q\n", "--origin", Probe.Origin, "-m", "PUT", "-m", "DELETE", "-m", "HEAD", "--notes");

        rows.Trim().Should().Be("DENIED      https://api.example.com/q  CORS011", "two methods fail the same check: the code is listed once, and the notes (CORS014, CORS102) are left out");
        withNotes.Trim().Should().Be("DENIED      https://api.example.com/q  CORS011 CORS014 CORS102");
        plain.Should().BeEmpty("no input was given on standard input");
    }

    [Fact]
    public void TheProgressBar_CountsTheProbesDone() =>
        BatchView.Counted(12, 50).Should().Be("Probed 12/50 URLs");

    [Fact]
    public async Task ADeniedProbe_SaysWhyItExitsOne()
    {
        var (code, _, error) = await Run(StubCorsServer.Allowing(Probe.Origin, methods: "GET"), Probe.Url, "--origin", Probe.Origin, "-m", "PUT");

        code.Should().Be(1);
        error.Should().Be($"Exit 1: denied under the Browser profile (CORS011).{Environment.NewLine}");
    }

    [Fact]
    public async Task AnAuditedProbe_ThatBrowsersAllow_SaysWhyItExitsOne()
    {
        var (code, output, error) = await Run(new OriginPolicyServer(_ => true) { Credentials = true }, Probe.Url, "--origin", Probe.Origin, "-m", "PUT", "--audit");

        code.Should().Be(1);
        output.Should().StartWith("CORS ALLOWED");
        error.Should().Be($"Exit 1: the call is allowed, but the audit found CORS202 Critical (Reflects any origin with credentials).{Environment.NewLine}");
    }

    [Fact]
    public async Task AMisspeltOption_GetsADidYouMean()
    {
        var (code, output, error) = await Run(null, Probe.Url, "--orgin", Probe.Origin);

        code.Should().Be(64);
        error.Should().Contain("'--orgin'").And.EndWith($"Run 'corsprobe --help' for usage.{Environment.NewLine}");
        output.Should().Contain("'--orgin' was not matched. Did you mean one of the following?").And.Contain("--origin", "System.CommandLine prints its suggestions on standard output");
    }

    [Theory]
    [InlineData("-m", "BAD METHOD")]
    [InlineData("-H", "Cookie")]
    [InlineData("--concurrency", "0")]
    public async Task NoMessage_NamesADotNetParameter(string flag, string value)
    {
        var (code, _, error) = await Run(null, "--input", "-", "--origin", Probe.Origin, flag, value);

        code.Should().Be(64);
        error.Should().NotContain("(Parameter").And.NotContain("MaxConcurrency").And.NotContain("Actual value");
    }

    [Fact]
    public async Task WithoutAnOrigin_TheBrowserProfile_AsksForOneInTheToolsWords_AsHelpSays()
    {
        var (code, _, error) = await Run(null, Probe.Url);
        var (_, help, _) = await Run(null, "--help");

        code.Should().Be(64);
        error.Should().StartWith("No origin to probe from: give --origin").And.NotContain("WithOrigin");
        help.Should().Contain("(required; with --profile galxe it defaults to https://dashboard.galxe.com)");
    }

    [Fact]
    public async Task TheGalxeProfile_NeedsNoOrigin()
    {
        var (code, _, _) = await Run(StubCorsServer.Allowing("https://dashboard.galxe.com", methods: "GET, POST"), Probe.Url, "--profile", "galxe", "-m", "POST");

        code.Should().Be(0);
    }

    private static async Task<(int Code, string Output, string Error)> RunBatch(HttpMessageHandler handler, string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CorsProbeCommand.RunAsync(["--input", "-", .. args], new CliEnvironment(output, error, new StringReader(stdin), Rich: null), handler);
        return (code, output.ToString(), error.ToString());
    }

    // Answers the lower-numbered hosts last, so the batch finishes out of input order.
    private sealed class SlowerFirst(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var index = int.Parse(request.RequestUri!.Query.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(TimeSpan.FromMilliseconds(5 * (13 - index)), cancellationToken);
            return await base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task An_OpenApi_document_is_a_table_per_operation_with_its_request_reasons_and_errors()
    {
        var document = Path.Combine(Path.GetTempPath(), $"corsprobe-screen-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(document, """
            openapi: 3.0.3
            info: {title: Quests, version: '1'}
            servers: [{url: 'https://api.example.com'}]
            paths:
              /quests:
                get: {operationId: listQuests, responses: {'200': {description: ok}}}
                post:
                  operationId: createQuest
                  requestBody: {content: {application/json: {}}}
                  responses: {'201': {description: ok}}
            """, TestContext.Current.CancellationToken);
        try
        {
            var (environment, output, error) = Terminal();

            var code = await CorsProbeCommand.RunAsync(["--openapi", document, "--origin", Probe.Origin], environment, StubCorsServer.Allowing(Probe.Origin, headers: "X-Other"));

            code.Should().Be(1);
            var screen = output.ToString();
            screen.Should().Contain("2 operations: 1 allowed, 1 denied, 0 unreachable").And.Contain("OpenAPI 3.0.3 · Quests");
            screen.Should().Contain("Allowed GET /quests (listQuests)").And.Contain("Denied POST /quests (createQuest)");
            screen.Should().Contain("Content-Type: application/json").And.Contain("the request body as application/json").And.Contain("CORS013");
            error.ToString().Should().Be($"Exit 1: 2 operations: 1 allowed, 1 denied, 0 unreachable.{Environment.NewLine}");
        }
        finally
        {
            File.Delete(document);
        }
    }
}

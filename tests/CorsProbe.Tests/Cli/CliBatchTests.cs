using System.Text.Json;
using CorsProbing.Cli;
using CorsProbing.Tests.Audit;
using Spectre.Console;

namespace CorsProbing.Tests.Cli;

public class CliBatchTests
{
    private static async Task<(int Code, string Output, string Error)> Run(HttpMessageHandler handler, string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CorsProbeCommand.RunAsync(args, new CliEnvironment(output, error, new StringReader(stdin), Rich: null), handler);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task UrlsFromStandardInput_AreProbedAsABatch_OneLineEach()
    {
        var stdin = "# customer APIs\nhttps://a.example.com/api\n\nhttps://b.example.com/api\n";

        var (code, output, _) = await Run(OriginPolicyServer.Exact(Probe.Origin), stdin, "--input", "-", "--origin", Probe.Origin, "-m", "PUT");

        code.Should().Be(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2)
            .And.OnlyContain(line => line.StartsWith("ALLOWED ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UrlsFromAFile_WithJson_IsAnArrayOfReports()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["https://a.example.com/api", "https://b.example.com/api", "https://c.example.com/api"], TestContext.Current.CancellationToken);
        try
        {
            var (code, output, _) = await Run(new OriginPolicyServer(o => false), string.Empty, "--input", file, "--origin", Probe.Origin, "-m", "PUT", "--json");

            code.Should().Be(1);
            using var document = JsonDocument.Parse(output);
            document.RootElement.GetArrayLength().Should().Be(3);
            document.RootElement.EnumerateArray().Should().OnlyContain(r => r.GetProperty("verdict").GetString() == "Denied");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ABatch_ExitsWithItsWorstReport()
    {
        var stdin = "https://a.example.com/api\nhttps://down.example.com/api\nhttps://c.example.com/api\n";
        var server = new DownFor("down.example.com", OriginPolicyServer.Exact(Probe.Origin));

        var (code, output, _) = await Run(server, stdin, "--input", "-", "--origin", Probe.Origin, "-m", "PUT");

        code.Should().Be(2, output);
        output.Should().Contain("UNREACHABLE https://down.example.com/api");
    }

    /// <summary>Refuses connections to one host, passes the rest on.</summary>
    private sealed class DownFor(string host, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.Host == host
                ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused")
                : base.SendAsync(request, cancellationToken);
    }

    [Fact]
    public async Task ABadUrlInTheList_IsARowOfItsOwn_AndTheOtherLinesRun()
    {
        var (code, output, error) = await Run(OriginPolicyServer.Exact(Probe.Origin), "https://a.example.com/\nnot a url\nhttps://b.example.com/\n", "--input", "-", "--origin", Probe.Origin);

        code.Should().Be(2, "a line that is not a URL is unreachable");
        output.Should().Contain("UNREACHABLE not a url  CORS020").And.Contain("ALLOWED     https://a.example.com/").And.Contain("ALLOWED     https://b.example.com/");
        error.Should().Be($"Exit 2: 1 unreachable, of 3 URLs.{Environment.NewLine}");
    }

    [Fact]
    public async Task AUrlAndAnInput_AreAUsageError()
    {
        var (code, _, error) = await Run(new StubCorsServer(), string.Empty, Probe.Url, "--input", "-", "--origin", Probe.Origin);

        code.Should().Be(64);
        error.Should().Contain("one of them");
    }

    [Fact]
    public async Task AMissingInputFile_IsAUsageError()
    {
        var (code, _, error) = await Run(new StubCorsServer(), string.Empty, "--input", "/nonexistent/urls.txt", "--origin", Probe.Origin);

        code.Should().Be(64);
        error.Should().Contain("/nonexistent/urls.txt");
    }

    [Fact]
    public async Task OnATerminal_AReportIsATableWithTheFixAndTheCurlCommand()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var environment = new CliEnvironment(output, TextWriter.Null, TextReader.Null, console);

        var code = await CorsProbeCommand.RunAsync([Probe.Url, "--origin", Probe.Origin, "-m", "DELETE"], environment, StubCorsServer.Allowing(Probe.Origin, methods: "GET"));

        code.Should().Be(1);
        var text = output.ToString();
        text.Should().Contain("CORS DENIED").And.Contain("CORS011").And.Contain("Fix CORS011:").And.Contain("curl ");
        text.Should().Contain("│", "the checks are a table");
    }

    [Fact]
    public async Task OnATerminal_ABatchEndsWithASummaryTable()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        var environment = new CliEnvironment(output, TextWriter.Null, new StringReader("https://a.example.com/\nhttps://b.example.com/\n"), console);

        var code = await CorsProbeCommand.RunAsync(["--input", "-", "--origin", Probe.Origin, "-m", "PUT"], environment, OriginPolicyServer.Exact(Probe.Origin));

        code.Should().Be(0);
        output.ToString().Should().Contain("https://a.example.com/").And.Contain("https://b.example.com/").And.Contain("2 allowed, 0 denied, 0 unreachable");
    }
}

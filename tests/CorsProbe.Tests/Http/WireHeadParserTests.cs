using System.Text;
using CorsProbing.Http;

namespace CorsProbing.Tests.Http;

public class WireHeadParserTests
{
    private const string Origin = "Access-Control-Allow-Origin: https://dashboard.galxe.com";

    [Fact]
    public void AWellFormedHead_IsReadLineByLine_WithNoLeniency()
    {
        var head = Parse($"HTTP/1.1 204 No Content\r\n{Origin}\r\nVary: Origin\r\n\r\n");

        head.Defect.Should().BeNull();
        head.Status.Should().Be(204);
        head.ReasonPhrase.Should().Be("No Content");
        Pairs(head).Should().Equal(("Access-Control-Allow-Origin", "https://dashboard.galxe.com"), ("Vary", "Origin"));
        head.Leniencies.Should().BeEmpty();
    }

    [Theory]
    [InlineData("X-Note: a\0b", "a NUL byte (0x00) at byte ")]
    [InlineData(Origin + "\0", "in the line 'Access-Control-Allow-Origin: https://dashboard.galxe.com\\x00'")]
    [InlineData("Content-Length: 0\r\nContent-Length: 5", "Content-Length has different values ('0' and '5')")]
    [InlineData("Content-Length: 2, 5", "Content-Length has different values ('2' and '5')")]
    [InlineData("Location: /a\r\nLocation: /b", "Location has different values ('/a' and '/b')")]
    public void BytesBrowsersRefuse_AreADefect_NamingTheByteOrLine(string line, string defect)
    {
        var head = Parse($"HTTP/1.1 200 OK\r\n{line}\r\n\r\n");

        head.Defect.Should().Contain(defect);
    }

    [Fact]
    public void DifferentLengths_AreAcceptedWhenTheBodyIsChunked() =>
        Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n").Defect.Should().BeNull();

    [Fact]
    public void EqualLengths_InTwoCasings_AreAccepted() =>
        Parse("HTTP/1.1 200 OK\r\ncontent-length: 2\r\nCONTENT-LENGTH: 2\r\n\r\n").Defect.Should().BeNull();

    [Theory]
    [InlineData("HTTP/1.1 OK", 200)]
    [InlineData("HTTP/1.1", 200)]
    [InlineData("http/1.1 204 No Content", 204)]
    [InlineData("HTTP/2 200 OK", 200)]
    [InlineData("HTTP/1.1 2x0 OK", 2)]
    [InlineData("HTTP/1.1 600 High", 600)]
    [InlineData("HTTP/1.1\t204 X", 200)]
    public void TheStatus_IsTheDigitsAfterTheFirstSpace_Or200(string statusLine, int status) =>
        Parse($"{statusLine}\r\n{Origin}\r\n\r\n").Status.Should().Be(status);

    [Fact]
    public void AMissingStatusCode_IsALeniency() =>
        Parse("HTTP/1.1 OK\r\n\r\n").Leniencies.Should().ContainSingle().Which.Should().Contain("has no status code: browsers take it as 200");

    [Theory]
    [InlineData("HTTP/2.0 200 OK")]
    [InlineData("HTTP/1.1  200 OK")]
    [InlineData("HTTP/1.1 200\tOK")]
    [InlineData("http/1.1 200 OK")]
    [InlineData("HTTP/1.1 200 Ok\u0001")]
    public void AStatusLineBrowsersReadButRfc9112Refuses_IsALeniency(string statusLine) =>
        Parse($"{statusLine}\r\n{Origin}\r\n\r\n").Leniencies.Should().ContainSingle().Which.Should().Contain("is not 'HTTP/1.x <three digits> <reason>' as RFC 9112 writes it");

    [Theory]
    [InlineData("HTTP/1.1 200 OK")]
    [InlineData("HTTP/1.0 204")]
    [InlineData("HTTP/1.1 404 Not Found\t(really)")]
    public void AStrictStatusLine_IsNoLeniency(string statusLine) =>
        Parse($"{statusLine}\r\n{Origin}\r\n\r\n").Leniencies.Should().BeEmpty();

    [Fact]
    public void InterimResponses_AreSkipped_AndOnlyTheFinalHeadCounts()
    {
        var head = Parse($"HTTP/1.1 100 Continue\r\n{Origin}\r\n\r\nHTTP/1.1 101 Switching Protocols\r\n\r\nHTTP/1.1 204 No Content\r\nVary: Origin\r\n\r\n");

        head.Status.Should().Be(204);
        Pairs(head).Should().Equal(("Vary", "Origin"));
    }

    [Fact]
    public void ABareCr_BreaksTheLine_AsInBrowsers()
    {
        var head = Parse($"HTTP/1.1 204 No Content\r\n{Origin}\rX-Note: b\r\n\r\n");

        head.Lines.Select(l => l.Key).Should().Equal("Access-Control-Allow-Origin", "X-Note");
        head.Leniencies.Should().ContainSingle().Which.Should().Contain("a bare CR ends the line");
    }

    [Fact]
    public void LfOnlyLineEndings_AreAccepted() =>
        Parse($"HTTP/1.1 204 No Content\n{Origin}\n\n").Lines.Should().ContainSingle();

    [Fact]
    public void AFoldedLine_ContinuesTheValue_WithOneSpace()
    {
        var head = Parse("HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Methods: GET,\r\n \t PUT\r\n\r\n");

        Pairs(head).Should().Equal(("Access-Control-Allow-Methods", "GET, PUT"));
        head.Leniencies.Should().ContainSingle().Which.Should().Contain("obsolete line folding");
    }

    [Theory]
    [InlineData("X Note: b", "its name is not a valid header name")]
    [InlineData("X(Note): b", "its name is not a valid header name")]
    [InlineData(": b", "its name is not a valid header name")]
    [InlineData("X-Note b", "it has no colon")]
    [InlineData(" X-Note: b", "its name is not a valid header name")]
    public void LinesWithoutAValidName_AreDropped_AndNamed(string line, string why)
    {
        var head = Parse($"HTTP/1.1 204 No Content\r\n{line}\r\n{Origin}\r\n\r\n");

        head.Lines.Should().ContainSingle().Which.Key.Should().Be("Access-Control-Allow-Origin");
        head.Leniencies.Should().ContainSingle().Which.Should().Contain(why);
    }

    [Fact]
    public void WhitespaceBeforeTheColon_IsTrimmedFromTheName() =>
        Pairs(Parse("HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin \t: *\r\n\r\n")).Should().Equal(("Access-Control-Allow-Origin", "*"));

    [Fact]
    public void UpToFourBytesBeforeTheStatusLine_AreSkipped()
    {
        var head = Parse($"XYZ HTTP/1.1 204 No Content\r\n{Origin}\r\n\r\n");

        head.Status.Should().Be(204);
        head.Leniencies.Should().ContainSingle().Which.Should().Contain("4 byte(s) before the status line ('XYZ ')");
    }

    [Fact]
    public void NoStatusLineInTheFirstBytes_IsHttp09_WhichBrowsersRefuse() =>
        Parse("ICY 200 OK\r\n\r\n").Defect.Should().Contain("does not start with an HTTP status line (it starts 'ICY 200 OK\\x0D\\x0A\\x0D\\x0A')");

    [Fact]
    public void AHeadOver256KiB_IsADefect() =>
        Parse($"HTTP/1.1 200 OK\r\nX-Padding: {new string('a', 257 * 1024)}\r\n\r\n").Defect.Should().Contain("larger than 256 KiB");

    [Fact]
    public void AHeadOf250KiB_IsAccepted() =>
        Parse($"HTTP/1.1 200 OK\r\nX-Padding: {new string('a', 250 * 1024)}\r\n\r\n").Defect.Should().BeNull();

    [Fact]
    public void AHeadCutShort_IsADefectOverTls_AndReadAsItIsOverPlainHttp()
    {
        var bytes = Encoding.Latin1.GetBytes($"HTTP/1.1 204 No Content\r\n{Origin}");

        WireHeadParser.Parse(bytes, ended: true, tls: true)!.Defect.Should().Contain("closed inside the response head");
        WireHeadParser.Parse(bytes, ended: true, tls: false)!.Lines.Should().ContainSingle();
        WireHeadParser.Parse(bytes, ended: false, tls: true).Should().BeNull("more bytes may come");
    }

    [Fact]
    public void TheFinalHeadEnd_SkipsInterimHeads_AndWaitsForTheFinalOne()
    {
        var interim = Encoding.Latin1.GetBytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n");
        var whole = Encoding.Latin1.GetBytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\nbody");

        WireHeadParser.FinalHeadEnd(interim).Should().Be(-1);
        WireHeadParser.FinalHeadEnd(whole).Should().Be(whole.Length - 4);
    }

    private static IEnumerable<(string, string)> Pairs(WireHead head) => head.Lines.Select(l => (l.Key, l.Value));

    private static WireHead Parse(string text) => WireHeadParser.Parse(Encoding.Latin1.GetBytes(text), ended: true, tls: true)!;
}

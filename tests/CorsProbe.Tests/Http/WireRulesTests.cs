using System.Text;
using CorsProbing.Http;

namespace CorsProbing.Tests.Http;

/// <summary>Each engine's reading of odd heads, as the malformed-response catalogue measured it live.</summary>
public class WireRulesTests
{
    private const string Cors = "Access-Control-Allow-Origin: *\r\n";

    [Theory]
    [InlineData("HTTP/1.1 OK\r\n" + Cors, true, false, false)]
    [InlineData("HTTP/1.1\r\n" + Cors, true, true, false)]
    [InlineData("HTTP/1.1 20 OK\r\n" + Cors, true, true, false)]
    [InlineData("HTTP/1.1 2000 OK\r\n" + Cors, true, false, false)]
    [InlineData("HTTP/1.1  200 OK\r\n" + Cors, true, true, true)]
    [InlineData("HTTP/1.1\t200 OK\r\n" + Cors, true, false, true)]
    [InlineData("HTTP/1.1 200\tOK\r\n" + Cors, true, true, true)]
    [InlineData("http/1.1 200 OK\r\n" + Cors, true, false, false)]
    [InlineData("HTTP/2.0 200 OK\r\n" + Cors, true, true, false)]
    [InlineData("ICY 200 OK\r\n" + Cors, false, true, true)]
    [InlineData("\r\nHTTP/1.1 200 OK\r\n" + Cors, true, true, true)]
    [InlineData("xx HTTP/1.1 200 OK\r\n" + Cors, true, true, false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: abc\r\n" + Cors, true, true, false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: +2\r\n" + Cors, true, true, true)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: bogus\r\n" + Cors, true, true, false)]
    [InlineData("HTTP/1.1 200 OK\r\nLocation: /a\r\nLocation: /b\r\n" + Cors, false, false, true)]
    [InlineData("HTTP/1.1 200 OK\r\nX-Note: a\0b\r\n" + Cors, false, false, false)]
    [InlineData("HTTP/1.1 200 OK\r\nX-N\0te: ab\r\n" + Cors, false, true, false)]
    public void EachEngine_AcceptsOrRefusesTheHead(string head, bool chromium, bool firefox, bool webKit)
    {
        Accepts(head, WireRules.Chromium).Should().Be(chromium, "Chromium");
        Accepts(head, WireRules.Firefox).Should().Be(firefox, "Firefox");
        Accepts(head, WireRules.WebKit).Should().Be(webKit, "WebKit");
    }

    [Fact]
    public void ABareCr_BreaksTheLineInChromiumOnly_AndCrsBeforeTheLfAreTakenOff_OneInFirefox_AllInWebKit()
    {
        const string head = "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: a\rX-Note: b\r\nVary: Origin\r\r\n";

        Values(head, WireRules.Chromium).Should().Equal("a", "b", "Origin");
        Values(head, WireRules.Firefox).Should().Equal("a\rX-Note: b", "Origin\r");
        Values(head, WireRules.WebKit).Should().Equal("a\rX-Note: b", "Origin");
    }

    [Fact]
    public void WhitespaceBeforeTheColon_IsTrimmedByChromium_AndTheLineDroppedByTheOthers()
    {
        const string head = "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin : *\r\n";

        Values(head, WireRules.Chromium).Should().Equal("*");
        Values(head, WireRules.Firefox).Should().BeEmpty();
        Values(head, WireRules.WebKit).Should().BeEmpty();
    }

    [Fact]
    public void ASwitchingProtocolsAnswer_IsSkippedByChromiumAndWebKit_AndFailsInFirefox()
    {
        const string head = "HTTP/1.1 101 Switching Protocols\r\n\r\nHTTP/1.1 200 OK\r\n" + Cors;

        Accepts(head, WireRules.Chromium).Should().BeTrue();
        Accepts(head, WireRules.WebKit).Should().BeTrue();
        Accepts(head, WireRules.Firefox).Should().BeFalse();
    }

    private static WireHead Parse(string head, WireRules rules) =>
        WireHeadParser.Parse(Encoding.Latin1.GetBytes(head + "\r\n"), ended: true, tls: true, rules)!;

    private static bool Accepts(string head, WireRules rules) => Parse(head, rules).Defect is null;

    private static IEnumerable<string> Values(string head, WireRules rules) => Parse(head, rules).Lines.Select(line => line.Value);
}

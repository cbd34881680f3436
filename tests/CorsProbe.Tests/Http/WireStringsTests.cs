using System.Text;
using CorsProbing.Http;

namespace CorsProbing.Tests.Http;

public class WireStringsTests
{
    [Theory]
    [InlineData("Access-Control-Allow-Origin")]
    [InlineData("access-control-allow-origin")]
    [InlineData("Content-Length")]
    public void ACommonName_IsOneSharedString_InTheSpellingTheServerUsed(string name)
    {
        var first = WireStrings.Name(Encoding.ASCII.GetBytes(name), out var common);
        var second = WireStrings.Name(Encoding.ASCII.GetBytes(name), out _);

        first.Should().Be(name);
        common.Should().BeGreaterThanOrEqualTo(0);
        ReferenceEquals(first, second).Should().BeTrue("a common name is not allocated per response");
    }

    [Theory]
    [InlineData("ACCESS-CONTROL-ALLOW-ORIGIN")]
    [InlineData("X-Request-Id")]
    public void AnyOtherName_IsReadAsWritten(string name)
    {
        WireStrings.Name(Encoding.ASCII.GetBytes(name), out var common).Should().Be(name);
        common.Should().Be(-1);
    }

    [Fact]
    public void AValue_IsReusedOnlyWhileItsBytesAreTheSame()
    {
        WireStrings.Name("Access-Control-Allow-Methods"u8, out var common);

        var first = WireStrings.Value("GET, POST"u8, common);
        var same = WireStrings.Value("GET, POST"u8, common);
        var other = WireStrings.Value("GET, PUT"u8, common);
        var latin1 = WireStrings.Value([(byte)'c', (byte)'a', (byte)'f', 0xE9], common);

        ReferenceEquals(first, same).Should().BeTrue();
        other.Should().Be("GET, PUT");
        latin1.Should().Be("café", "a byte above 0x7F is read as Latin-1, never matched to a remembered ASCII value");
        WireStrings.Value("GET, PUT"u8, common).Should().Be("GET, PUT");
    }

    [Fact]
    public void HeadsReadOneAfterAnother_EachKeepTheirOwnValues()
    {
        var heads = new[] { "https://a.example", "https://b.example", "https://a.example", "*" }
            .Select(origin => WireHeadParser.Parse(Encoding.Latin1.GetBytes($"HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: {origin}\r\n\r\n"), ended: false, tls: false)!)
            .ToList();

        heads.Select(head => head.Lines.Single().Value).Should().Equal("https://a.example", "https://b.example", "https://a.example", "*");
        heads.Select(head => head.ReasonPhrase).Should().AllBe("No Content");
    }

    [Fact]
    public void HeadsReadAtOnceOnManyThreads_EachKeepTheirOwnValues()
    {
        // The remembered values are shared by every connection: a race may cost a string, never a wrong value.
        var wrong = 0;
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var origin = $"https://tenant{i % 7}.example";
            var reason = i % 2 == 0 ? "No Content" : "Nothing";
            var head = WireHeadParser.Parse(Encoding.Latin1.GetBytes($"HTTP/1.1 204 {reason}\r\nAccess-Control-Allow-Origin: {origin}\r\nVary: Origin\r\n\r\n"), ended: false, tls: false)!;
            if (head.Lines[0].Value != origin || head.ReasonPhrase != reason || head.Lines[1].Value != "Origin")
            {
                Interlocked.Increment(ref wrong);
            }
        });

        wrong.Should().Be(0);
    }
}

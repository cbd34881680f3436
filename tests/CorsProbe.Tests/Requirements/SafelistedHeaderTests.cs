using CorsProbing.Requirements;

namespace CorsProbing.Tests.Requirements;

public class SafelistedHeaderTests
{
    [Theory]
    [InlineData("Accept", "*/*", true)]
    [InlineData("Accept", "application/json\ttext/plain", true)]
    [InlineData("Accept", "text/html(1)", false)]
    [InlineData("Accept", "a@b", false)]
    [InlineData("Accept-Language", "en-US,fr;q=0.5", true)]
    [InlineData("Accept-Language", "en_US", false)]
    [InlineData("Content-Language", "de-DE", true)]
    [InlineData("Content-Type", "text/plain", true)]
    [InlineData("Content-Type", "Text/Plain", true)]
    [InlineData("Content-Type", "text/plain;charset=UTF-8", true)]
    [InlineData("Content-Type", "multipart/form-data; boundary=something", true)]
    [InlineData("Content-Type", "application/x-www-form-urlencoded", true)]
    [InlineData("Content-Type", "application/json", false)]
    [InlineData("Content-Type", "text/html", false)]
    [InlineData("Content-Type", "text/plain; charset=\"utf-8\"", false)]
    [InlineData("Content-Type", "text/plain,x/x", false)]
    [InlineData("Content-Type", "text /plain", false)]
    [InlineData("Content-Type", "text/plain ", true)]
    [InlineData("Range", "bytes=0-", true)]
    [InlineData("Range", "bytes=10-20", true)]
    [InlineData("Save-Data", "on", true)]
    [InlineData("DPR", "1.5", true)]
    [InlineData("Width", "1200", true)]
    [InlineData("Width", "12.5", false)]
    [InlineData("ECT", "4g", true)]
    [InlineData("Authorization", "Bearer x", false)]
    [InlineData("X-Requested-With", "XMLHttpRequest", false)]
    [InlineData("Last-Event-ID", "1", false)]
    public void IsSafelisted_InChromium_ChecksNameAndValue(string name, string value, bool expected) =>
        SafelistedRequestHeaders.IsSafelisted(name, value, BrowserEngine.Chromium).Should().Be(expected);

    [Theory]
    [InlineData("bytes=0-", true, true)]
    [InlineData("bytes=10-20", true, true)]
    [InlineData("bytes=20-10", false, false)]
    [InlineData("bytes=-500", false, false)]
    [InlineData("bytes=0-1,3-4", false, false)]
    [InlineData("bytes= 0-1", false, false)]
    [InlineData("Bytes=0-", false, true)]
    [InlineData("BYTES=0-99", false, true)]
    public void Range_IsSafelistedAsASingleRange_WithItsUnitInAnyCaseInWebKitOnly(string value, bool inChromiumAndFirefox, bool inWebKit)
    {
        SafelistedRequestHeaders.IsSafelisted("Range", value, BrowserEngine.Chromium).Should().Be(inChromiumAndFirefox);
        SafelistedRequestHeaders.IsSafelisted("Range", value, BrowserEngine.Firefox).Should().Be(inChromiumAndFirefox);
        SafelistedRequestHeaders.IsSafelisted("Range", value, BrowserEngine.WebKit).Should().Be(inWebKit);
    }

    [Theory]
    [InlineData("Save-Data", "on")]
    [InlineData("DPR", "1.5")]
    [InlineData("Device-Memory", "8")]
    [InlineData("Downlink", "10")]
    [InlineData("Width", "1200")]
    [InlineData("Viewport-Width", "1200")]
    [InlineData("RTT", "50")]
    [InlineData("ECT", "4g")]
    public void ClientHints_AreSafelistedInChromiumOnly(string name, string value)
    {
        SafelistedRequestHeaders.IsSafelisted(name, value, BrowserEngine.Chromium).Should().BeTrue();
        SafelistedRequestHeaders.IsSafelisted(name, value, BrowserEngine.Firefox).Should().BeFalse();
        SafelistedRequestHeaders.IsSafelisted(name, value, BrowserEngine.WebKit).Should().BeFalse();
    }

    [Fact]
    public void IsSafelisted_Accepts128Bytes_Rejects129_InEveryEngine()
    {
        foreach (var engine in BrowserEngine.All)
        {
            SafelistedRequestHeaders.IsSafelisted("Accept", new string('a', 128), engine).Should().BeTrue();
            SafelistedRequestHeaders.IsSafelisted("Accept", new string('a', 129), engine).Should().BeFalse();
        }
    }
}

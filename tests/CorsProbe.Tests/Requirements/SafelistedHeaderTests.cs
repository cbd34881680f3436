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
    [InlineData("Range", "bytes=20-10", false)]
    [InlineData("Range", "bytes=-500", false)]
    [InlineData("Range", "bytes=0-1,3-4", false)]
    [InlineData("Range", "bytes= 0-1", false)]
    [InlineData("Save-Data", "on", true)]
    [InlineData("DPR", "1.5", true)]
    [InlineData("Width", "1200", true)]
    [InlineData("Width", "12.5", false)]
    [InlineData("ECT", "4g", true)]
    [InlineData("Authorization", "Bearer x", false)]
    [InlineData("X-Requested-With", "XMLHttpRequest", false)]
    [InlineData("Last-Event-ID", "1", false)]
    public void IsSafelisted_ChecksNameAndValue(string name, string value, bool expected) =>
        SafelistedRequestHeaders.IsSafelisted(name, value).Should().Be(expected);

    [Fact]
    public void IsSafelisted_Accepts128Bytes_Rejects129()
    {
        SafelistedRequestHeaders.IsSafelisted("Accept", new string('a', 128)).Should().BeTrue();
        SafelistedRequestHeaders.IsSafelisted("Accept", new string('a', 129)).Should().BeFalse();
    }
}

using System.Net;
using CorsProbing.Safety;

namespace CorsProbing.Tests.Safety;

/// <summary>
/// The SSRF guard's address classifier: every special-purpose range, and the spellings attackers use. (Classes are
/// named as strings because <see cref="AddressClass"/> is internal.)
/// </summary>
public class AddressClassifierTests
{
    [Theory]
    [InlineData("0.0.0.0", "ThisNetwork")]
    [InlineData("0.255.255.255", "ThisNetwork")]
    [InlineData("10.0.0.1", "Private")]
    [InlineData("10.255.255.255", "Private")]
    [InlineData("100.64.0.1", "SharedAddressSpace")]
    [InlineData("100.100.100.200", "SharedAddressSpace")]
    [InlineData("100.127.255.255", "SharedAddressSpace")]
    [InlineData("127.0.0.1", "Loopback")]
    [InlineData("127.255.255.254", "Loopback")]
    [InlineData("169.254.169.254", "LinkLocal")]
    [InlineData("172.16.0.1", "Private")]
    [InlineData("172.31.255.255", "Private")]
    [InlineData("192.0.0.8", "ProtocolAssignments")]
    [InlineData("192.0.2.1", "Documentation")]
    [InlineData("192.88.99.1", "SixToFour")]
    [InlineData("192.168.1.1", "Private")]
    [InlineData("198.18.0.1", "Benchmarking")]
    [InlineData("198.19.255.255", "Benchmarking")]
    [InlineData("198.51.100.7", "Documentation")]
    [InlineData("203.0.113.9", "Documentation")]
    [InlineData("224.0.0.1", "Multicast")]
    [InlineData("239.255.255.255", "Multicast")]
    [InlineData("240.0.0.1", "Reserved")]
    [InlineData("255.255.255.255", "Reserved")]
    public void BlockedIPv4Ranges(string address, string expected) =>
        AddressClassifier.Classify(IPAddress.Parse(address)).ToString().Should().Be(expected);

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.0")]
    [InlineData("192.0.1.1")]
    [InlineData("192.169.0.1")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.0")]
    [InlineData("223.255.255.255")]
    public void PublicIPv4_JustOutsideEveryRange(string address) =>
        AddressClassifier.Classify(IPAddress.Parse(address)).Should().Be(AddressClass.Public);

    [Theory]
    [InlineData("::", "ThisNetwork")]
    [InlineData("::1", "Loopback")]
    [InlineData("::ffff:127.0.0.1", "Loopback")]
    [InlineData("::ffff:a9fe:a9fe", "LinkLocal")]
    [InlineData("::127.0.0.1", "Loopback")]
    [InlineData("::ffff:10.1.2.3", "Private")]
    [InlineData("64:ff9b::a9fe:a9fe", "Nat64")]
    [InlineData("64:ff9b:1::1", "Nat64")]
    [InlineData("fd00:ec2::254", "Private")]
    [InlineData("fc00::1", "Private")]
    [InlineData("fe80::1", "LinkLocal")]
    [InlineData("ff02::1", "Multicast")]
    [InlineData("2001::1", "ProtocolAssignments")]
    [InlineData("2001:1ff:ffff::1", "ProtocolAssignments")]
    [InlineData("2001:db8::1", "Documentation")]
    [InlineData("2002:7f00:1::1", "SixToFour")]
    [InlineData("3fff::1", "Documentation")]
    [InlineData("100::1", "Reserved")]
    [InlineData("4000::1", "Reserved")]
    public void BlockedIPv6Ranges(string address, string expected) =>
        AddressClassifier.Classify(IPAddress.Parse(address)).ToString().Should().Be(expected);

    [Theory]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:82b::200e")]
    [InlineData("2001:200::1")]
    [InlineData("3ffe::1")]
    [InlineData("::ffff:8.8.8.8")]
    public void PublicIPv6(string address) =>
        AddressClassifier.Classify(IPAddress.Parse(address)).Should().Be(AddressClass.Public);

    [Fact]
    public void AZoneId_IsRefused_WhateverTheAddress() =>
        AddressClassifier.Classify(IPAddress.Parse("2606:4700:4700::1111%2")).Should().Be(AddressClass.ZoneScoped);

    // How an attacker spells 127.0.0.1 in a URL: the resolver (and IPAddress.Parse) reads them all as loopback.
    [Theory]
    [InlineData("0x7f.1")]
    [InlineData("2130706433")]
    [InlineData("0177.0.0.1")]
    [InlineData("0x7f000001")]
    [InlineData("127.1")]
    public void OddIPv4Spellings_AreClassifiedByTheAddressTheyMean(string spelling) =>
        AddressClassifier.Classify(IPAddress.Parse(spelling)).Should().Be(AddressClass.Loopback);

    [Theory]
    [InlineData("http://0x7f.1/", "Loopback")]
    [InlineData("http://2130706433/", "Loopback")]
    [InlineData("http://0177.0.0.1/", "Loopback")]
    [InlineData("http://[::ffff:127.0.0.1]/", "Loopback")]
    [InlineData("http://[::ffff:a9fe:a9fe]/", "LinkLocal")]
    [InlineData("http://[::127.0.0.1]/", "Loopback")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/", "Nat64")]
    [InlineData("http://[fd00:ec2::254]/", "Private")]
    public void AUrlsHost_IsClassifiedByTheAddressItDenotes(string url, string expected) =>
        AddressClassifier.Classify(IPAddress.Parse(new Uri(url).Host.Trim('[', ']'))).ToString().Should().Be(expected);
}

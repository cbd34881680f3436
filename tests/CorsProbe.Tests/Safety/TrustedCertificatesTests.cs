using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CorsProbing.Safety;

namespace CorsProbing.Tests.Safety;

public class TrustedCertificatesTests
{
    [Fact]
    public void TheSameCertificates_InAnyOrder_AreOneSet()
    {
        using var a = SelfSigned("a");
        using var b = SelfSigned("b");

        TrustedCertificates.None.With(a).With(b).Should().Be(TrustedCertificates.None.With(b).With(a));
        TrustedCertificates.None.With(a).GetHashCode().Should().Be(TrustedCertificates.None.With(a).GetHashCode());
        TrustedCertificates.None.With(a).Should().NotBe(TrustedCertificates.None.With(b));
    }

    [Fact]
    public void WhatTheSystemAccepts_IsAccepted_WithoutExtraTrust() =>
        TrustedCertificates.None.Validate(null, null, SslPolicyErrors.None).Should().BeTrue();

    [Fact]
    public void AChainError_IsRefused_WithoutExtraTrust()
    {
        using var presented = SelfSigned("a");

        TrustedCertificates.None.Validate(presented, null, SslPolicyErrors.RemoteCertificateChainErrors).Should().BeFalse();
    }

    [Fact]
    public void TheTrustedCertificateItself_IsAccepted_EvenForAnotherName()
    {
        using var trusted = SelfSigned("a");

        TrustedCertificates.None.With(trusted)
            .Validate(trusted, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch)
            .Should().BeTrue();
    }

    [Fact]
    public void AnotherSelfSignedCertificate_IsRefused()
    {
        using var trusted = SelfSigned("a");
        using var presented = SelfSigned("a");

        TrustedCertificates.None.With(trusted).Validate(presented, null, SslPolicyErrors.RemoteCertificateChainErrors).Should().BeFalse();
    }

    [Fact]
    public void ACertificateIssuedByATrustedCa_IsAccepted_WhenItsNameMatches()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=api.test", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var leaf = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), [1, 2, 3, 4]);
        var trust = TrustedCertificates.None.With(ca);

        trust.Validate(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors).Should().BeTrue();
        trust.Validate(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch).Should().BeFalse();
    }

    [Fact]
    public void TheBuilder_RefusesANullCertificate() =>
        FluentActions.Invoking(() => CorsProbe.For("https://api.example.com/").TrustCertificate(null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("certificate");

    [Fact]
    public void TheHandlerFactory_RefusesANullCertificate() =>
        FluentActions.Invoking(() => CorsProbeHandler.Create(null, [null!]))
            .Should().Throw<ArgumentNullException>().WithParameterName("trustedCertificates");

    [Fact]
    public void TheTrustedHandler_AcceptsExactlyTheTrustedCertificate_AndKeepsTheGuard()
    {
        using var trusted = SelfSigned("a");
        using var other = SelfSigned("b");
        using var handler = CorsProbeHandler.Create(null, [trusted]);
        var validate = handler.SslOptions.RemoteCertificateValidationCallback!;

        validate(this, trusted, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors).Should().BeTrue("the caller trusts this certificate");
        validate(this, other, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors).Should().BeFalse("nothing else is trusted that the system does not trust");
        handler.ConnectCallback.Should().NotBeNull("connections still go through the guard");
        handler.AllowAutoRedirect.Should().BeFalse();
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = RSA.Create(2048);
        return new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}

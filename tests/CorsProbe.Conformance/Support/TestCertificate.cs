using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CorsProbing.Conformance.Support;

/// <summary>
/// One certificate for every host name the suite serves over TLS, issued by a throw-away authority made for the test
/// run. Chromium and WebKit are started ignoring certificate errors and CorsProbe's handler trusts exactly this
/// certificate; Firefox, which has no such switch, trusts the authority in its fresh profile.
/// </summary>
public static class TestCertificate
{
    private static readonly Lazy<(X509Certificate2 Authority, X509Certificate2 Leaf)> Shared = new(Create);

    /// <summary>The host names in the certificate's subject alternative names.</summary>
    public static IReadOnlyList<string> HostNames { get; } =
    [
        "api.example.com", "dashboard.galxe.com", "aspnet.example.com", "nginx.example.com", "express.example.com", "fastify.example.com",
        "flask.example.com", "apache.example.com", "caddy.example.com", "cdn.example.com", "localhost",
    ];

    /// <summary>The certificate with its private key, usable by <see cref="System.Net.Security.SslStream"/> on every platform.</summary>
    public static X509Certificate2 Certificate => Shared.Value.Leaf;

    /// <summary>Writes the issuing authority's certificate (no key) as a PEM file into <paramref name="directory"/>.</summary>
    public static string WriteAuthorityPem(string directory)
    {
        var path = Path.Combine(directory, "test-authority.pem");
        File.WriteAllText(path, Shared.Value.Authority.ExportCertificatePem());
        return path;
    }

    /// <summary>Writes the certificate and key as PEM files (for nginx and Node) into <paramref name="directory"/>.</summary>
    public static (string CertificatePath, string KeyPath) WritePem(string directory)
    {
        var certificatePath = Path.Combine(directory, "test-cert.pem");
        var keyPath = Path.Combine(directory, "test-key.pem");
        File.WriteAllText(certificatePath, Certificate.ExportCertificatePem());
        using var key = Certificate.GetRSAPrivateKey()!;
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private static (X509Certificate2 Authority, X509Certificate2 Leaf) Create()
    {
        var notBefore = DateTimeOffset.UtcNow.AddDays(-1);
        var notAfter = DateTimeOffset.UtcNow.AddYears(1);
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=CorsProbe conformance authority", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, critical: false));
        using var authority = authorityRequest.CreateSelfSigned(notBefore, notAfter.AddDays(1));

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CorsProbe conformance", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in HostNames)
        {
            names.AddDnsName(host);
        }

        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(authority, notBefore, notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);

        // An ephemeral key cannot serve TLS on Linux: round-trip through PKCS#12 to get a persisted one.
        return (X509CertificateLoader.LoadCertificate(authority.RawData), X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null));
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CorsProbing.Conformance.Support;

/// <summary>
/// One self-signed certificate for every host name the suite serves over TLS. Browsers are started with
/// <c>--ignore-certificate-errors</c> and CorsProbe's handler skips validation, so only the names matter.
/// </summary>
public static class TestCertificate
{
    private static readonly Lazy<X509Certificate2> Shared = new(Create);

    /// <summary>The host names in the certificate's subject alternative names.</summary>
    public static IReadOnlyList<string> HostNames { get; } =
    [
        "api.example.com", "dashboard.galxe.com", "aspnet.example.com", "nginx.example.com", "express.example.com", "fastify.example.com",
        "flask.example.com", "apache.example.com", "caddy.example.com", "cdn.example.com", "localhost",
    ];

    /// <summary>The certificate with its private key, usable by <see cref="System.Net.Security.SslStream"/> on every platform.</summary>
    public static X509Certificate2 Certificate => Shared.Value;

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

    private static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CorsProbe conformance", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in HostNames)
        {
            names.AddDnsName(host);
        }

        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        // An ephemeral key cannot serve TLS on Linux: round-trip through PKCS#12 to get a persisted one.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }
}

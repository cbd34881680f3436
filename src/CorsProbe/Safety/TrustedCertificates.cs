using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CorsProbing.Safety;

/// <summary>
/// Certificates a caller trusts in addition to the system's roots, for test servers with a self-signed or test-CA
/// certificate. Immutable; two sets with the same certificates are equal (the default transport keeps one client per set).
/// </summary>
internal sealed class TrustedCertificates : IEquatable<TrustedCertificates>
{
    private readonly X509Certificate2[] _certificates;
    private readonly string _key;

    /// <summary>No extra trust: only the system's roots.</summary>
    public static TrustedCertificates None { get; } = new([]);

    private TrustedCertificates(X509Certificate2[] certificates)
    {
        _certificates = certificates;
        _key = string.Join(',', certificates.Select(c => Convert.ToHexString(SHA256.HashData(c.RawData))).Order(StringComparer.Ordinal));
    }

    /// <summary>True when no certificate is added.</summary>
    public bool IsEmpty => _certificates.Length == 0;

    /// <summary>This set plus <paramref name="certificate"/> (a copy, so the caller may dispose theirs).</summary>
    public TrustedCertificates With(X509Certificate2 certificate) =>
        new([.. _certificates, Load(certificate.RawData)]);

    /// <summary>
    /// Accepts what the system accepts; beyond that, a server certificate that <em>is</em> one of the trusted ones (for
    /// any host name: the exact certificate was handed over), or one that chains to a trusted one with a matching name.
    /// </summary>
    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || IsEmpty)
        {
            return false;
        }

        var raw = certificate.GetRawCertData();
        if (_certificates.Any(trusted => trusted.RawData.AsSpan().SequenceEqual(raw)))
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var leaf = Load(raw);
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(_certificates);
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements.Skip(1))
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(leaf);
    }

    // X509CertificateLoader is .NET 9+; the constructor it replaces is the net8.0 way to read one DER certificate.
    private static X509Certificate2 Load(byte[] raw) =>
#if NET9_0_OR_GREATER
        X509CertificateLoader.LoadCertificate(raw);
#else
        new(raw);
#endif

    /// <inheritdoc />
    public bool Equals(TrustedCertificates? other) => other is not null && _key == other._key;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TrustedCertificates);

    /// <inheritdoc />
    public override int GetHashCode() => _key.GetHashCode(StringComparison.Ordinal);
}

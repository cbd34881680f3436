using System.Reflection;

namespace CorsProbing.Http;

/// <summary>The library's name and version, as sent in <c>User-Agent</c>.</summary>
internal static class ProductInfo
{
    /// <summary>The informational version without the source revision, e.g. <c>0.1.0</c>.</summary>
    public static readonly string Version = ReadVersion();

    /// <summary>The <c>User-Agent</c> of every preflight: names CorsProbe so API owners can recognise it in their logs.</summary>
    public static readonly string UserAgent = $"CorsProbe/{Version} (+https://github.com/corsprobe/CorsProbe)";

    private static string ReadVersion()
    {
        var informational = typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}

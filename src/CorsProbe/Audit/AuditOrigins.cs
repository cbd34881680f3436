namespace CorsProbing.Audit;

/// <summary>
/// The crafted origins of an audit, derived from the configured origin (scheme, host, port): at most
/// <see cref="MaxOrigins"/>, one per technique (five special characters), each unique to the run where it names no
/// real site, so no cache can answer for a previous run.
/// </summary>
internal static class AuditOrigins
{
    /// <summary>The most crafted origins an audit tries, and the most origins a probe may reject.</summary>
    public const int MaxOrigins = 16;

    /// <summary>The most extra requests an audit sends: its crafted origins and the two invented-lists checks.</summary>
    public const int MaxRequests = MaxOrigins + 2;

    /// <summary>The method of the invented-lists check: no server lists it unless it reflects the request.</summary>
    public const string InventedMethod = "CORSPROBE-AUDIT";

    /// <summary>The characters tried after the trusted host (Corsy's and PortSwigger's list).</summary>
    public static readonly char[] SpecialCharacters = ['_', '`', '$', '~', '!'];

    /// <summary>The crafted origins for <paramref name="origin"/>; <paramref name="label"/> makes them unique to the run.</summary>
    public static IReadOnlyList<AuditOrigin> For(string origin, string label)
    {
        var origins = new List<AuditOrigin>(MaxOrigins)
        {
            new($"https://corsprobe-{label}.invalid", AuditTechnique.ArbitraryOrigin),
            new("null", AuditTechnique.NullOrigin),
        };

        if (origin != "null" && Uri.TryCreate(origin, UriKind.Absolute, out var trusted) && !IPAddress.TryParse(trusted.IdnHost.Trim('[', ']'), out _))
        {
            var scheme = trusted.Scheme;
            var host = trusted.IdnHost;
            var port = trusted.IsDefaultPort ? string.Empty : ":" + trusted.Port.ToString(CultureInfo.InvariantCulture);
            origins.Add(new($"{scheme}://{host}.attacker-{label}.example{port}", AuditTechnique.Prefix));
            origins.Add(new($"{scheme}://attacker{label}{RegistrableDomain(host)}{port}", AuditTechnique.Suffix));
            if (host.Contains('.', StringComparison.Ordinal))
            {
                var dot = host.IndexOf('.', StringComparison.Ordinal);
                origins.Add(new($"{scheme}://{host[..dot]}x{host[(dot + 1)..]}{port}", AuditTechnique.UnescapedDot));
            }

            origins.Add(new($"{scheme}://corsprobe-{label}.{host}{port}", AuditTechnique.Subdomain));
            if (scheme == Uri.UriSchemeHttps)
            {
                origins.Add(new($"http://{host}{port}", AuditTechnique.InsecureScheme));
            }

            foreach (var special in SpecialCharacters)
            {
                origins.Add(new($"{scheme}://{host}{special}.attacker-{label}.example{port}", AuditTechnique.SpecialCharacter));
            }
        }

        origins.Add(new($"https://corsprobe-{label}.github.io", AuditTechnique.ThirdParty));
        origins.Add(new("https://codepen.io", AuditTechnique.ThirdParty));
        origins.Add(new("https://jsfiddle.net", AuditTechnique.ThirdParty));

        // The configured origin itself is no attack (an app hosted on codepen.io, say).
        return [.. origins.Where(o => !string.Equals(o.Origin, origin, StringComparison.Ordinal))];
    }

    /// <summary>The last two labels of <paramref name="host"/> (<c>app.example.com</c> → <c>example.com</c>): what an <c>endsWith</c> check usually names.</summary>
    public static string RegistrableDomain(string host)
    {
        var last = host.LastIndexOf('.');
        var previous = last <= 0 ? -1 : host.LastIndexOf('.', last - 1);
        return previous < 0 ? host : host[(previous + 1)..];
    }
}

using CorsProbing.Safety;

namespace CorsProbing;

/// <summary>
/// Which addresses CorsProbe's default transport may connect to. The default, <see cref="PublicOnly"/>, refuses every
/// loopback, private, link-local (cloud metadata), shared, reserved and otherwise special-purpose address, so a URL a
/// customer typed in can never reach the platform's own network. Immutable: each method returns a new policy.
/// </summary>
/// <remarks>
/// The guard resolves the host itself, checks <em>every</em> address the name resolves to (one refused address refuses
/// the target) and connects only to the addresses it checked. A handler or client you supply bypasses it; use
/// <see cref="CorsProbeHandler.Create(NetworkPolicy?)"/> to keep it in your own pipeline.
/// </remarks>
public sealed class NetworkPolicy : IEquatable<NetworkPolicy>
{
    private readonly IPNetwork[] _ranges;

    private NetworkPolicy(bool loopback, bool privateNetworks, IPNetwork[] ranges)
    {
        AllowsLoopback = loopback;
        AllowsPrivateNetworks = privateNetworks;
        _ranges = ranges;
    }

    /// <summary>Only globally routable unicast addresses: the default.</summary>
    public static NetworkPolicy PublicOnly { get; } = new(false, false, []);

    /// <summary>Whether <c>127.0.0.0/8</c> and <c>::1</c> are allowed.</summary>
    public bool AllowsLoopback { get; }

    /// <summary>Whether <c>10/8</c>, <c>172.16/12</c>, <c>192.168/16</c> and <c>fc00::/7</c> are allowed.</summary>
    public bool AllowsPrivateNetworks { get; }

    /// <summary>Extra ranges allowed whatever their class.</summary>
    public IReadOnlyList<IPNetwork> AllowedRanges => _ranges;

    /// <summary>This policy, also allowing loopback addresses (a local API under test).</summary>
    /// <returns>A new policy.</returns>
    public NetworkPolicy AllowLoopback() => new(true, AllowsPrivateNetworks, _ranges);

    /// <summary>This policy, also allowing RFC 1918 and unique-local addresses (an intranet API). Link-local and metadata addresses stay refused.</summary>
    /// <returns>A new policy.</returns>
    public NetworkPolicy AllowPrivateNetworks() => new(AllowsLoopback, true, _ranges);

    /// <summary>This policy, also allowing every address in <paramref name="range"/>.</summary>
    /// <param name="range">The range, e.g. <c>IPNetwork.Parse("100.64.0.0/10")</c>.</param>
    /// <returns>A new policy.</returns>
    public NetworkPolicy AllowRange(IPNetwork range) => new(AllowsLoopback, AllowsPrivateNetworks, [.. _ranges, range]);

    /// <summary>Whether the default transport may connect to <paramref name="address"/>.</summary>
    /// <param name="address">A resolved address.</param>
    /// <returns><see langword="true"/> when the address is allowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public bool Permits(IPAddress address) => Refuses(address) is null;

    /// <inheritdoc />
    public bool Equals(NetworkPolicy? other) =>
        other is not null && AllowsLoopback == other.AllowsLoopback && AllowsPrivateNetworks == other.AllowsPrivateNetworks && _ranges.SequenceEqual(other._ranges);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NetworkPolicy);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(AllowsLoopback, AllowsPrivateNetworks, _ranges.Length);

    /// <inheritdoc />
    public override string ToString() =>
        "public addresses" + (AllowsLoopback ? ", loopback" : string.Empty) + (AllowsPrivateNetworks ? ", private networks" : string.Empty)
        + string.Concat(_ranges.Select(r => ", " + r));

    /// <summary>The class that makes <paramref name="address"/> refused, or null when it is allowed.</summary>
    internal AddressClass? Refuses(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var addressClass = AddressClassifier.Classify(address);
        if (addressClass == AddressClass.Public
            || (addressClass == AddressClass.Loopback && AllowsLoopback)
            || (addressClass == AddressClass.Private && AllowsPrivateNetworks)
            || (addressClass != AddressClass.ZoneScoped && InAllowedRange(address)))
        {
            return null;
        }

        return addressClass;
    }

    private bool InAllowedRange(IPAddress address)
    {
        var mapped = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : null;
        foreach (var range in _ranges)
        {
            if (range.Contains(address) || (mapped is not null && range.Contains(mapped)))
            {
                return true;
            }
        }

        return false;
    }
}

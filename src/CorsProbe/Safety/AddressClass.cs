namespace CorsProbing.Safety;

/// <summary>What kind of network an IP address belongs to; everything but <see cref="Public"/> is refused by default.</summary>
internal enum AddressClass
{
    /// <summary>A globally routable unicast address.</summary>
    Public = 0,

    /// <summary><c>0.0.0.0/8</c>, <c>::</c>: "this network", never a valid destination.</summary>
    ThisNetwork,

    /// <summary><c>127.0.0.0/8</c>, <c>::1</c>.</summary>
    Loopback,

    /// <summary><c>10/8</c>, <c>172.16/12</c>, <c>192.168/16</c> (RFC 1918), <c>fc00::/7</c> (unique local).</summary>
    Private,

    /// <summary><c>100.64.0.0/10</c> (RFC 6598 carrier-grade NAT; Alibaba's metadata service lives at 100.100.100.200).</summary>
    SharedAddressSpace,

    /// <summary><c>169.254/16</c> (cloud metadata services), <c>fe80::/10</c>.</summary>
    LinkLocal,

    /// <summary><c>192.0.0.0/24</c>, <c>2001::/23</c>: IETF protocol assignments.</summary>
    ProtocolAssignments,

    /// <summary><c>192.0.2/24</c>, <c>198.51.100/24</c>, <c>203.0.113/24</c>, <c>2001:db8::/32</c>, <c>3fff::/20</c>.</summary>
    Documentation,

    /// <summary><c>192.88.99.0/24</c>, <c>2002::/16</c>: 6to4 relays and addresses, which tunnel to embedded IPv4.</summary>
    SixToFour,

    /// <summary><c>198.18.0.0/15</c>: network benchmarking.</summary>
    Benchmarking,

    /// <summary><c>224/4</c>, <c>ff00::/8</c>.</summary>
    Multicast,

    /// <summary><c>240/4</c> (incl. broadcast) and IPv6 outside <c>2000::/3</c> not named above.</summary>
    Reserved,

    /// <summary><c>64:ff9b::/96</c>, <c>64:ff9b:1::/48</c>: NAT64, which reaches arbitrary IPv4 addresses.</summary>
    Nat64,

    /// <summary>An IPv6 address with a zone id (<c>fe80::1%eth0</c>), tied to one local interface.</summary>
    ZoneScoped,

    /// <summary>Not IPv4 or IPv6.</summary>
    NotIp,
}

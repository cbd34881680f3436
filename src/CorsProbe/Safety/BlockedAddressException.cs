namespace CorsProbing.Safety;

/// <summary>Thrown by the guarded connect when a target resolves to an address the policy refuses; becomes <c>CORS016</c>.</summary>
#pragma warning disable CA1064, CA1032 // Never escapes the library, and is only ever made with the refused address.
internal sealed class BlockedAddressException(string host, IPAddress address, AddressClass addressClass, NetworkPolicy policy)
    : Exception($"{host} resolves to {address}, a {Describe(addressClass)} address, which the network policy refuses (allowed: {policy})")
#pragma warning restore CA1064, CA1032
{
    /// <summary>The class of the refused address, which says what could allow it.</summary>
    public AddressClass Class { get; } = addressClass;

    /// <summary>The class in words.</summary>
    public static string Describe(AddressClass addressClass) => addressClass switch
    {
        AddressClass.ThisNetwork => "\"this network\" (0.0.0.0/8 or ::)",
        AddressClass.Loopback => "loopback",
        AddressClass.Private => "private-network",
        AddressClass.SharedAddressSpace => "carrier-grade NAT (100.64.0.0/10)",
        AddressClass.LinkLocal => "link-local (cloud metadata)",
        AddressClass.ProtocolAssignments => "IETF protocol-assignment",
        AddressClass.Documentation => "documentation",
        AddressClass.SixToFour => "6to4",
        AddressClass.Benchmarking => "benchmarking",
        AddressClass.Multicast => "multicast",
        AddressClass.Nat64 => "NAT64",
        AddressClass.ZoneScoped => "zone-scoped IPv6",
        AddressClass.NotIp => "non-IP",
        _ => "reserved",
    };
}

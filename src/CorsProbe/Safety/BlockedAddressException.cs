using System.Net;

namespace CorsProbing.Safety;

/// <summary>Thrown by the guarded connect when a target resolves to an address the policy refuses; becomes <c>CORS016</c>.</summary>
#pragma warning disable CA1064 // Never escapes the library: the probe turns it into a finding.
internal sealed class BlockedAddressException : Exception
#pragma warning restore CA1064
{
    public BlockedAddressException()
    {
    }

    public BlockedAddressException(string message)
        : base(message)
    {
    }

    public BlockedAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BlockedAddressException(string host, IPAddress address, AddressClass addressClass)
        : base($"{host} resolves to {address}, a {Describe(addressClass)} address, which the network policy refuses")
    {
        Host = host;
        Address = address;
        AddressClass = addressClass;
    }

    /// <summary>The host name as requested.</summary>
    public string? Host { get; }

    /// <summary>The refused address.</summary>
    public IPAddress? Address { get; }

    /// <summary>Why it is refused.</summary>
    public AddressClass AddressClass { get; }

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

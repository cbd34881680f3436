using System.Buffers.Binary;

namespace CorsProbing.Safety;

/// <summary>
/// Classifies the addresses a host name resolved to (IANA special-purpose registries, RFC 6890): a pure function, so
/// the guard decides on exactly the address it then connects to. IPv4-mapped (<c>::ffff:0:0/96</c>) and
/// IPv4-compatible (<c>::/96</c>) IPv6 addresses are judged as the IPv4 address they carry.
/// </summary>
internal static class AddressClassifier
{
    private static readonly (uint Network, int Prefix, AddressClass Class)[] V4 =
    [
        (0x00000000, 8, AddressClass.ThisNetwork),
        (0x0A000000, 8, AddressClass.Private),
        (0x64400000, 10, AddressClass.SharedAddressSpace),
        (0x7F000000, 8, AddressClass.Loopback),
        (0xA9FE0000, 16, AddressClass.LinkLocal),
        (0xAC100000, 12, AddressClass.Private),
        (0xC0000000, 24, AddressClass.ProtocolAssignments),
        (0xC0000200, 24, AddressClass.Documentation),
        (0xC0586300, 24, AddressClass.SixToFour),
        (0xC0A80000, 16, AddressClass.Private),
        (0xC6120000, 15, AddressClass.Benchmarking),
        (0xC6336400, 24, AddressClass.Documentation),
        (0xCB007100, 24, AddressClass.Documentation),
        (0xE0000000, 4, AddressClass.Multicast),
        (0xF0000000, 4, AddressClass.Reserved),
    ];

    // Checked in order: the first match wins, so the narrower blocks inside 2000::/3 come before the global rule.
    private static readonly (UInt128 Network, int Prefix, AddressClass Class)[] V6 =
    [
        (V6Prefix(0x0064, 0xff9b, 0, 0, 0, 0), 96, AddressClass.Nat64),
        (V6Prefix(0x0064, 0xff9b, 0x0001, 0, 0, 0), 48, AddressClass.Nat64),
        (V6Prefix(0x2001, 0x0db8, 0, 0, 0, 0), 32, AddressClass.Documentation),
        (V6Prefix(0x2001, 0, 0, 0, 0, 0), 23, AddressClass.ProtocolAssignments),
        (V6Prefix(0x2002, 0, 0, 0, 0, 0), 16, AddressClass.SixToFour),
        (V6Prefix(0x3fff, 0, 0, 0, 0, 0), 20, AddressClass.Documentation),
        (V6Prefix(0xfc00, 0, 0, 0, 0, 0), 7, AddressClass.Private),
        (V6Prefix(0xfe80, 0, 0, 0, 0, 0), 10, AddressClass.LinkLocal),
        (V6Prefix(0xff00, 0, 0, 0, 0, 0), 8, AddressClass.Multicast),
    ];

    /// <summary>The class of <paramref name="address"/>.</summary>
    public static AddressClass Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(ToUInt32(address)),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressClass.NotIp,
        };
    }

    private static AddressClass ClassifyV4(uint address)
    {
        foreach (var (network, prefix, addressClass) in V4)
        {
            if ((address & Mask32(prefix)) == network)
            {
                return addressClass;
            }
        }

        return AddressClass.Public;
    }

    private static AddressClass ClassifyV6(IPAddress address)
    {
        // A zone id ties the address to one local interface: never a public destination.
        if (address.ScopeId != 0)
        {
            return AddressClass.ZoneScoped;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        if (value == UInt128.Zero)
        {
            return AddressClass.ThisNetwork;
        }

        if (value == UInt128.One)
        {
            return AddressClass.Loopback;
        }

        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated) reach the IPv4 address they carry.
        var high = value >> 32;
        if (high == 0xFFFF || high == 0)
        {
            return ClassifyV4((uint)value);
        }

        foreach (var (network, prefix, addressClass) in V6)
        {
            if ((value & Mask128(prefix)) == network)
            {
                return addressClass;
            }
        }

        // Global unicast is 2000::/3; everything else is unassigned or special.
        return (value >> 125) == 1 ? AddressClass.Public : AddressClass.Reserved;
    }

    private static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static uint Mask32(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);

    private static UInt128 Mask128(int prefix) => prefix == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefix);

    private static UInt128 V6Prefix(ushort a, ushort b, ushort c, ushort d, ushort e, ushort f) =>
        new(((ulong)a << 48) | ((ulong)b << 32) | ((ulong)c << 16) | d, ((ulong)e << 48) | ((ulong)f << 32));
}

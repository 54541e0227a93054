using System;
using System.Net;
using System.Net.Sockets;
using Sip2.Net.Access;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Server;

/// <summary>An address range in CIDR form (<c>10.0.0.0/8</c>, <c>2001:db8::/32</c>, or one address), for trusted proxies.</summary>
/// <remarks>
/// On net8.0 and later the range is a <c>System.Net.IPNetwork</c> underneath, and converts to and from one; the
/// netstandard2.0 build, which has no such type, compares the prefix bytes itself. Unlike <c>IPNetwork</c>, a
/// base address with bits set after the prefix (<c>10.1.2.3/8</c>) is accepted and means the range it lies in.
/// </remarks>
public readonly struct Sip2IPNetwork : IEquatable<Sip2IPNetwork>
{
#if NET8_0_OR_GREATER
    private readonly IPNetwork network;
#else
    private readonly byte[] prefixBytes;
#endif

    /// <summary>Creates a range from its base address and prefix length.</summary>
    public Sip2IPNetwork(IPAddress baseAddress, int prefixLength)
    {
        var address = Sip2IPAddresses.Normalize(baseAddress ?? throw new ArgumentNullException(nameof(baseAddress)));
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (prefixLength < 0 || prefixLength > bits)
        {
            throw new ArgumentOutOfRangeException(nameof(prefixLength), prefixLength, $"0 to {bits} for this address family.");
        }

        BaseAddress = address;
        PrefixLength = prefixLength;
#if NET8_0_OR_GREATER
        network = new IPNetwork(Masked(address, prefixLength), prefixLength);
#else
        prefixBytes = address.GetAddressBytes();
#endif
    }

#if NET8_0_OR_GREATER
    /// <summary>The same range as a <see cref="IPNetwork"/>.</summary>
    public IPNetwork ToIPNetwork() => network;

    /// <summary>A range from a <see cref="IPNetwork"/>.</summary>
    public static implicit operator Sip2IPNetwork(IPNetwork network) => new(network.BaseAddress, network.PrefixLength);

    // IPNetwork wants the bits after the prefix clear.
    private static IPAddress Masked(IPAddress address, int prefixLength)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = prefixLength; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }
#endif

    /// <summary>The first address of the range.</summary>
    public IPAddress BaseAddress { get; }

    /// <summary>The number of leading bits that must match.</summary>
    public int PrefixLength { get; }

    /// <summary>Parses <c>address/prefix</c>, or a single address.</summary>
    public static Sip2IPNetwork Parse(string text) =>
        TryParse(text, out var network) ? network : throw new FormatException($"'{text}' is not an address or an address/prefix range.");

    /// <summary>Parses <c>address/prefix</c>, or a single address.</summary>
    public static bool TryParse(string? text, out Sip2IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text!.IndexOf('/');
        if (!IPAddress.TryParse(slash < 0 ? text : text.Substring(0, slash), out var address))
        {
            return false;
        }

        var full = Sip2IPAddresses.Normalize(address).AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = full;
        if (slash >= 0 && (!int.TryParse(text.Substring(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > full))
        {
            return false;
        }

        network = new Sip2IPNetwork(address, prefix);
        return true;
    }

    /// <summary>Whether <paramref name="address"/> lies in the range (IPv4-mapped IPv6 addresses count as IPv4).</summary>
    public bool Contains(IPAddress address)
    {
#if NET8_0_OR_GREATER
        return address is not null && BaseAddress is not null && network.Contains(Sip2IPAddresses.Normalize(address));
#else
        if (address is null || prefixBytes is null)
        {
            return false;
        }

        var candidate = Sip2IPAddresses.Normalize(address).GetAddressBytes();
        if (candidate.Length != prefixBytes.Length)
        {
            return false;
        }

        var whole = PrefixLength / 8;
        for (var i = 0; i < whole; i++)
        {
            if (candidate[i] != prefixBytes[i])
            {
                return false;
            }
        }

        var rest = PrefixLength % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (candidate[whole] & mask) == (prefixBytes[whole] & mask);
#endif
    }

    /// <inheritdoc/>
    public override string ToString() => $"{BaseAddress}/{PrefixLength}";

    /// <inheritdoc/>
    public bool Equals(Sip2IPNetwork other) => Equals(BaseAddress, other.BaseAddress) && PrefixLength == other.PrefixLength;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Sip2IPNetwork other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (BaseAddress?.GetHashCode() ?? 0) ^ PrefixLength;

    /// <summary>Equality.</summary>
    public static bool operator ==(Sip2IPNetwork left, Sip2IPNetwork right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Sip2IPNetwork left, Sip2IPNetwork right) => !left.Equals(right);
}

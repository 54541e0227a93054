using System;
using System.Net;
using System.Net.Sockets;

namespace Sip2.Net.Access.Internal;

/// <summary>How the registry and the policy see a client address.</summary>
internal static class Sip2IPAddresses
{
    /// <summary>
    /// The form addresses are stored and compared in: an IPv4-mapped IPv6 address (<c>::ffff:192.0.2.1</c>)
    /// becomes its IPv4 address, and an IPv6 address loses its scope id, so one client is one key whichever
    /// socket stack reported it.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static IPAddress Normalize(IPAddress address)
    {
        if (address is null)
        {
            throw new ArgumentNullException(nameof(address));
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : new IPAddress(address.GetAddressBytes());
        }

        return address;
    }

    internal enum Category
    {
        Public,
        Invalid,
        Loopback,
        Private,
        LinkLocal,
    }

    // Classifies a normalised address. "Invalid" covers what can never be a client's own address.
    internal static Category Classify(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            if (b[0] == 0 || b[0] >= 224 || address.Equals(IPAddress.Broadcast))
            {
                // 0/8 "this network" (incl. unspecified), 224/4 multicast, 240/4 reserved and the broadcast address.
                return Category.Invalid;
            }

            if (b[0] == 127)
            {
                return Category.Loopback;
            }

            if (b[0] == 169 && b[1] == 254)
            {
                return Category.LinkLocal;
            }

            if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && (b[1] & 0xC0) == 64))
            {
                return Category.Private;
            }

            return Category.Public;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None) || address.IsIPv6Multicast)
            {
                return Category.Invalid;
            }

            if (address.Equals(IPAddress.IPv6Loopback))
            {
                return Category.Loopback;
            }

            if (address.IsIPv6LinkLocal)
            {
                return Category.LinkLocal;
            }

            if ((b[0] & 0xFE) == 0xFC)
            {
                return Category.Private;
            }

            return Category.Public;
        }

        return Category.Invalid;
    }
}

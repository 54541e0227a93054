using System;
using Sip2.Net.Protocol.Internal;

namespace Sip2.Net.Testing;

/// <summary>PROXY protocol v2 headers for tests and fuzz seeds, built byte by byte from the specification.</summary>
internal static class ProxyHeaders
{
    /// <summary>The 12-byte signature every v2 header starts with.</summary>
    public static ReadOnlySpan<byte> V2Signature => [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    /// <summary>
    /// A v2 header: the signature, <paramref name="command"/> (0x21 PROXY, 0x20 LOCAL), <paramref name="family"/>
    /// (0x11 TCP over IPv4, 0x21 TCP over IPv6), the address block's length, and <paramref name="addresses"/>.
    /// </summary>
    public static byte[] V2(byte command, byte family, byte[] addresses) =>
        [.. V2Signature, command, family, (byte)(addresses.Length >> 8), (byte)addresses.Length, .. addresses];
}

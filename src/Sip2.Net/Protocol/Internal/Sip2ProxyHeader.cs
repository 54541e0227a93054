using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Sip2.Net.Protocol.Internal;

/// <summary>
/// Reads the PROXY protocol header (HAProxy's, versions 1 and 2) that a load balancer puts before the client's
/// bytes, so the access policy sees the kiosk's address instead of the proxy's. The header is read with a
/// hard length cap; anything malformed is <see cref="Sip2ProxyHeaderStatus.Invalid"/>, never an exception.
/// Only accept it from proxies you trust: anyone else could claim any address.
/// </summary>
internal static class Sip2ProxyHeader
{
    /// <summary>The longest header accepted, in bytes: v1's maximum of 107, or v2's 16-byte preamble and up to 512 bytes of addresses and TLVs.</summary>
    public const int MaxLength = 16 + 512;

    private const int V1MaxLength = 107;

    private static ReadOnlySpan<byte> V2Signature => [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A];

    private static ReadOnlySpan<byte> V1Prefix => "PROXY "u8;

    /// <summary>
    /// Looks for a complete header at the start of <paramref name="buffer"/>. On <see cref="Sip2ProxyHeaderStatus.Parsed"/>,
    /// <paramref name="buffer"/> is advanced past it; otherwise it is left unchanged.
    /// </summary>
    public static Sip2ProxyHeaderStatus TryRead(ref ReadOnlySequence<byte> buffer, out Sip2ProxyHeaderResult result)
    {
        Span<byte> head = stackalloc byte[MaxLength];
        var available = (int)Math.Min(buffer.Length, MaxLength);
        buffer.Slice(0, available).CopyTo(head);
        var status = TryRead(head.Slice(0, available), out result, out var consumed);
        if (status == Sip2ProxyHeaderStatus.Parsed)
        {
            buffer = buffer.Slice(consumed);
        }

        return status;
    }

    /// <summary>Reads a header from the start of <paramref name="bytes"/>; <paramref name="consumed"/> is its length when parsed.</summary>
    public static Sip2ProxyHeaderStatus TryRead(ReadOnlySpan<byte> bytes, out Sip2ProxyHeaderResult result, out int consumed)
    {
        consumed = 0;
        result = default;
        if (bytes.IsEmpty)
        {
            return Sip2ProxyHeaderStatus.NeedMoreData;
        }

        var signature = V2Signature;
        if (bytes[0] == signature[0])
        {
            var prefix = Math.Min(bytes.Length, signature.Length);
            if (!bytes.Slice(0, prefix).SequenceEqual(signature.Slice(0, prefix)))
            {
                return Invalid(out result, "not a PROXY protocol header");
            }

            return prefix < signature.Length ? Sip2ProxyHeaderStatus.NeedMoreData : ReadV2(bytes, out result, out consumed);
        }

        var v1 = V1Prefix;
        var shown = Math.Min(bytes.Length, v1.Length);
        if (!bytes.Slice(0, shown).SequenceEqual(v1.Slice(0, shown)))
        {
            return Invalid(out result, "not a PROXY protocol header");
        }

        return ReadV1(bytes, out result, out consumed);
    }

    // "PROXY TCP4 <src> <dst> <srcport> <dstport>\r\n" or "PROXY UNKNOWN ...\r\n", at most 107 bytes.
    private static Sip2ProxyHeaderStatus ReadV1(ReadOnlySpan<byte> bytes, out Sip2ProxyHeaderResult result, out int consumed)
    {
        consumed = 0;
        var end = bytes.Slice(0, Math.Min(bytes.Length, V1MaxLength)).IndexOf("\r\n"u8);
        if (end < 0)
        {
            return bytes.Length >= V1MaxLength ? Invalid(out result, "v1 header longer than 107 bytes") : Need(out result);
        }

        for (var i = 0; i < end; i++)
        {
            if (bytes[i] < 0x20 || bytes[i] > 0x7E)
            {
                return Invalid(out result, "v1 header has a non-printable byte");
            }
        }

        consumed = end + 2;
        var parts = Encoding.ASCII.GetString(bytes.Slice(0, end).ToArray()).Split(' ');
        if (parts.Length >= 2 && parts[1] == "UNKNOWN")
        {
            result = new Sip2ProxyHeaderResult(null, 1, null);
            return Sip2ProxyHeaderStatus.Parsed;
        }

        var tcp4 = parts.Length == 6 && parts[1] == "TCP4";
        if (parts.Length != 6 || parts[1] is not ("TCP4" or "TCP6")
            || !TryAddress(parts[2], tcp4, out var source) || !TryAddress(parts[3], tcp4, out _)
            || !TryPort(parts[4], out var port) || !TryPort(parts[5], out _))
        {
            consumed = 0;
            return Invalid(out result, "malformed v1 header");
        }

        result = new Sip2ProxyHeaderResult(new IPEndPoint(source, port), 1, null);
        return Sip2ProxyHeaderStatus.Parsed;
    }

    // 12-byte signature, version/command, family/protocol, 2-byte length, then addresses and TLVs.
    private static Sip2ProxyHeaderStatus ReadV2(ReadOnlySpan<byte> bytes, out Sip2ProxyHeaderResult result, out int consumed)
    {
        consumed = 0;
        if (bytes.Length < 16)
        {
            return Need(out result);
        }

        var versionCommand = bytes[12];
        var family = bytes[13];
        var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(14, 2));
        if (versionCommand >> 4 != 2 || (versionCommand & 0x0F) > 1)
        {
            return Invalid(out result, "unsupported v2 version or command");
        }

        if (16 + length > MaxLength)
        {
            return Invalid(out result, "v2 header longer than allowed");
        }

        if (bytes.Length < 16 + length)
        {
            return Need(out result);
        }

        consumed = 16 + length;
        var body = bytes.Slice(16, length);
        if ((versionCommand & 0x0F) == 0)
        {
            result = new Sip2ProxyHeaderResult(null, 2, null); // LOCAL: the proxy's own connection
            return Sip2ProxyHeaderStatus.Parsed;
        }

        switch (family)
        {
            case 0x11 when body.Length >= 12: // TCP over IPv4
                result = new Sip2ProxyHeaderResult(new IPEndPoint(new IPAddress(body.Slice(0, 4).ToArray()), BinaryPrimitives.ReadUInt16BigEndian(body.Slice(8, 2))), 2, null);
                return Sip2ProxyHeaderStatus.Parsed;
            case 0x21 when body.Length >= 36: // TCP over IPv6
                result = new Sip2ProxyHeaderResult(new IPEndPoint(new IPAddress(body.Slice(0, 16).ToArray()), BinaryPrimitives.ReadUInt16BigEndian(body.Slice(32, 2))), 2, null);
                return Sip2ProxyHeaderStatus.Parsed;
            case 0x11 or 0x21:
                consumed = 0;
                return Invalid(out result, "v2 address block too short");
            default:
                result = new Sip2ProxyHeaderResult(null, 2, null); // UNSPEC, UDP or UNIX: no usable client address
                return Sip2ProxyHeaderStatus.Parsed;
        }
    }

    // Only the forms the PROXY specification gives, both addresses in the header's family: IPv4 as four decimal
    // numbers of 0-255 (IPAddress.TryParse also takes "10.1" for 10.0.0.1, "010.1.2.3" as octal for 8.1.2.3
    // and hexadecimal, so the address the access policy saw would not be the one the text seems to name), IPv6
    // as hex digits, colons and dots, so no zone index or brackets.
    private static bool TryAddress(string text, bool ipv4, out IPAddress address)
    {
        address = IPAddress.None;
        if (ipv4)
        {
            var octets = text.Split('.');
            if (octets.Length != 4)
            {
                return false;
            }

            var bytes = new byte[4];
            for (var i = 0; i < 4; i++)
            {
                if (!TryOctet(octets[i], out bytes[i]))
                {
                    return false;
                }
            }

            address = new IPAddress(bytes);
            return true;
        }

        foreach (var c in text)
        {
            if (!(c is ':' or '.' or (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F')))
            {
                return false;
            }
        }

        return IPAddress.TryParse(text, out address!) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
    }

    private static bool TryOctet(string text, out byte value)
    {
        var ok = TryDecimal(text, byte.MaxValue, out var number);
        value = (byte)number;
        return ok;
    }

    private static bool TryPort(string text, out int port) => TryDecimal(text, 65535, out port);

    // Plain decimal digits up to `max`, without leading zeros (which some parsers read as octal).
    private static bool TryDecimal(string text, int max, out int value) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value <= max
        && (text.Length == 1 || text[0] != '0');

    private static Sip2ProxyHeaderStatus Need(out Sip2ProxyHeaderResult result)
    {
        result = default;
        return Sip2ProxyHeaderStatus.NeedMoreData;
    }

    private static Sip2ProxyHeaderStatus Invalid(out Sip2ProxyHeaderResult result, string error)
    {
        result = new Sip2ProxyHeaderResult(null, 0, error);
        return Sip2ProxyHeaderStatus.Invalid;
    }
}

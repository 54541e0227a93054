using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sip2.Net.Protocol;
using Sip2.Net.Protocol.Internal;

namespace Sip2.Net.Fuzz;

/// <summary>
/// <see cref="Sip2ProxyHeader.TryRead(ReadOnlySpan{byte}, out Sip2ProxyHeaderResult, out int)"/> over arbitrary
/// bytes. Checks: the verdict depends on no byte past the cap (<see cref="Sip2ProxyHeader.MaxLength"/>, 107 for
/// v1), and more data is never asked for once the cap is reached; a parsed header is self-delimiting (cut
/// anywhere it needs more data, alone it parses the same) and ends where its format says; the span and the
/// (segmented) sequence readers agree, and the sequence is advanced by the header only; the reported address
/// is the one the header carries, in the header's address family, given in the form the specification
/// prescribes.
/// </summary>
internal static class ProxyTarget
{
    public static void Run(byte[] input)
    {
        var status = Sip2ProxyHeader.TryRead(input, out var result, out var consumed);
        var version = input.AsSpan().StartsWith(Testing.ProxyHeaders.V2Signature) ? 2 : input.AsSpan().StartsWith("PROXY "u8) ? 1 : 0;
        var cap = version == 1 ? 107 : Sip2ProxyHeader.MaxLength;

        // Nothing past the cap is read: the same bytes cut at the cap get the same verdict.
        if (input.Length > cap)
        {
            var capped = Sip2ProxyHeader.TryRead(input.AsSpan(0, cap), out var cappedResult, out var cappedConsumed);
            Invariant.Check(capped == status && cappedConsumed == consumed && Same(cappedResult, result), "bytes past the cap change the verdict");
        }

        // The sequence reader agrees and moves past the header only.
        foreach (var sequence in new[] { new ReadOnlySequence<byte>(input), Invariant.Segmented(input) })
        {
            var buffer = sequence;
            var sequenceStatus = Sip2ProxyHeader.TryRead(ref buffer, out var sequenceResult);
            Invariant.Check(sequenceStatus == status && Same(sequenceResult, result), "the sequence reader disagrees with the span reader");
            Invariant.Check(buffer.Length == input.Length - consumed, "the sequence was not advanced by exactly the header");
        }

        switch (status)
        {
            case Sip2ProxyHeaderStatus.NeedMoreData:
                Invariant.Check(input.Length < cap, "more data asked for past the cap");
                Invariant.Check(consumed == 0 && result.Error is null && result.Source is null, "NeedMoreData with a result");
                break;
            case Sip2ProxyHeaderStatus.Invalid:
                Invariant.Check(consumed == 0 && result.Error is not null && result.Source is null, "Invalid without an error or with a result");
                break;
            case Sip2ProxyHeaderStatus.Parsed:
                Invariant.Check(version != 0 && result.Version == version && result.Error is null, "parsed without a signature or with the wrong version");
                Invariant.Check(consumed > 0 && consumed <= Math.Min(input.Length, cap), "a header outside the input or the cap");
                for (var cut = 0; cut < consumed; cut++)
                {
                    Invariant.Check(Sip2ProxyHeader.TryRead(input.AsSpan(0, cut), out _, out _) == Sip2ProxyHeaderStatus.NeedMoreData, "a parsed header cut short is not NeedMoreData");
                }

                var alone = Sip2ProxyHeader.TryRead(input.AsSpan(0, consumed), out var aloneResult, out var aloneConsumed);
                Invariant.Check(alone == status && aloneConsumed == consumed && Same(aloneResult, result), "a parsed header alone reads differently");
                if (version == 1)
                {
                    CheckV1(input.AsSpan(0, consumed), result);
                }
                else
                {
                    CheckV2(input.AsSpan(0, consumed), result);
                }

                break;
            default:
                Invariant.Check(false, "an unknown status");
                break;
        }
    }

    // "PROXY TCP4|TCP6 <source> <destination> <source port> <destination port>\r\n", or "PROXY UNKNOWN...".
    private static void CheckV1(ReadOnlySpan<byte> header, Sip2ProxyHeaderResult result)
    {
        Invariant.Check(header.EndsWith("\r\n"u8) && header.IndexOf("\r\n"u8) == header.Length - 2, "a v1 header does not end at its first CRLF");
        var parts = Encoding.ASCII.GetString(header[..^2]).Split(' ');
        if (parts[1] == "UNKNOWN")
        {
            Invariant.Check(result.Source is null, "UNKNOWN reported an address");
            return;
        }

        Invariant.Check(parts.Length == 6 && parts[1] is "TCP4" or "TCP6" && result.Source is not null, "a v1 header parsed without its six parts");
        var source = result.Source!;
        var family = parts[1] == "TCP4" ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
        Invariant.Check(source.AddressFamily == family, "the address is not of the header's family");
        Invariant.Check(source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) == parts[4], "the port is not the header's");
        Invariant.Check(IsAddress(parts[2], family, out var sent) && sent.Equals(source.Address), "the source address is not the header's");
        Invariant.Check(IsAddress(parts[3], family, out _), "the destination is not an address of the header's family");
    }

    // 12-byte signature, version and command, family and protocol, length, then the addresses.
    private static void CheckV2(ReadOnlySpan<byte> header, Sip2ProxyHeaderResult result)
    {
        var length = BinaryPrimitives.ReadUInt16BigEndian(header.Slice(14, 2));
        Invariant.Check(header.Length == 16 + length, "a v2 header does not end where its length says");
        var local = (header[12] & 0x0F) == 0;
        var body = header[16..];
        switch (header[13])
        {
            case 0x11 when !local:
                Invariant.Check(result.Source is { AddressFamily: AddressFamily.InterNetwork } s4
                    && s4.Address.GetAddressBytes().AsSpan().SequenceEqual(body[..4])
                    && s4.Port == BinaryPrimitives.ReadUInt16BigEndian(body.Slice(8, 2)), "the IPv4 source is not the header's");
                break;
            case 0x21 when !local:
                Invariant.Check(result.Source is { AddressFamily: AddressFamily.InterNetworkV6 } s6
                    && s6.Address.GetAddressBytes().AsSpan().SequenceEqual(body[..16]) && s6.Address.ScopeId == 0
                    && s6.Port == BinaryPrimitives.ReadUInt16BigEndian(body.Slice(32, 2)), "the IPv6 source is not the header's");
                break;
            default:
                Invariant.Check(result.Source is null, "an address reported for LOCAL or a family without one");
                break;
        }
    }

    // The forms the PROXY specification gives: IPv4 as four decimal numbers 0-255 separated by dots, IPv6 in
    // its textual form (hex digits, colons, dots for an embedded IPv4), without a zone index or brackets;
    // nothing else a general parser tolerates (fewer parts, octal, hexadecimal), because each of those names
    // a different address than it seems to.
    private static bool IsAddress(string text, AddressFamily family, out IPAddress address)
    {
        address = IPAddress.None;
        if (family == AddressFamily.InterNetwork)
        {
            var octets = text.Split('.');
            if (octets.Length != 4)
            {
                return false;
            }

            var bytes = new byte[4];
            for (var i = 0; i < 4; i++)
            {
                if (octets[i].Length is 0 or > 3 || !octets[i].All(char.IsAsciiDigit) || (octets[i].Length > 1 && octets[i][0] == '0')
                    || int.Parse(octets[i], System.Globalization.CultureInfo.InvariantCulture) > 255)
                {
                    return false;
                }

                bytes[i] = (byte)int.Parse(octets[i], System.Globalization.CultureInfo.InvariantCulture);
            }

            address = new IPAddress(bytes);
            return true;
        }

        return text.All(c => c is ':' or '.' || char.IsAsciiHexDigit(c))
            && IPAddress.TryParse(text, out address!) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }

    private static bool Same(Sip2ProxyHeaderResult a, Sip2ProxyHeaderResult b) =>
        a.Version == b.Version && a.Error == b.Error && Equals(a.Source, b.Source);
}

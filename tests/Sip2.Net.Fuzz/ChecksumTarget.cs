using System.Buffers;
using Sip2.Net.Protocol;

namespace Sip2.Net.Fuzz;

/// <summary>
/// <see cref="Sip2Checksum"/> over arbitrary bytes. Checks: the checksum is what the standard defines (the bytes
/// plus the checksum sum to zero modulo 2^16, recomputed here independently), the same for a segmented buffer;
/// Verify agrees with Compute in either case of hex and refuses any other value; the hex forms read back; and
/// when the input ends like a trailer (<c>AZ</c> and four characters), Verify and the parser's verdict both
/// agree with the independent sum.
/// </summary>
internal static class ChecksumTarget
{
    public static void Run(byte[] input)
    {
        var checksum = Sip2Checksum.Compute(input);
        var sum = 0;
        foreach (var b in input)
        {
            sum += b;
        }

        Invariant.Check(((sum + checksum) & 0xFFFF) == 0, "the bytes and their checksum do not sum to zero");
        Invariant.Check(Sip2Checksum.Compute(Invariant.Segmented(input)) == checksum, "a segmented buffer has another checksum");

        var hex = Sip2Checksum.ToHex(checksum);
        Invariant.Check(hex.Length == 4 && hex.All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F'), "the hex form is not four uppercase hex digits");
        Span<byte> written = stackalloc byte[4];
        Sip2Checksum.WriteHex(checksum, written);
        Invariant.Check(written.SequenceEqual(System.Text.Encoding.ASCII.GetBytes(hex)), "WriteHex and ToHex differ");
        Invariant.Check(Sip2Checksum.TryParseHex(written, out var read) && read == checksum, "the hex form does not read back");
        Invariant.Check(Sip2Checksum.Verify(input, written), "Verify refuses the computed checksum");
        Invariant.Check(Sip2Checksum.Verify(input, System.Text.Encoding.ASCII.GetBytes(hex.ToLowerInvariant())), "Verify refuses the computed checksum in lowercase");
        Sip2Checksum.WriteHex((ushort)(checksum + 1), written);
        Invariant.Check(!Sip2Checksum.Verify(input, written), "Verify accepts another checksum");

        // The input as a message whose last four bytes claim a checksum over everything before them.
        if (input.Length >= 4)
        {
            var body = input.AsSpan(0, input.Length - 4);
            var claimed = input.AsSpan(input.Length - 4);
            var isHex = TryReadHex(claimed, out var claimedValue);
            Invariant.Check(Sip2Checksum.TryParseHex(claimed, out var parsed) == isHex && (!isHex || parsed == claimedValue), "TryParseHex disagrees with the hex digits");
            var matches = isHex && claimedValue == Sip2Checksum.Compute(body);
            Invariant.Check(Sip2Checksum.Verify(body, claimed) == matches, "Verify disagrees with Compute");

            // Strict mode reads "AZ" + four hex digits at the very end as the trailer: then the parser refuses
            // the message for its checksum exactly when the independent sum says the checksum is wrong.
            if (isHex && input.Length >= 8 && input[^6] == (byte)'A' && input[^5] == (byte)'Z')
            {
                var result = Sip2MessageParser.Parse(input, new Sip2CodecOptions { ParseMode = Sip2ParseMode.Strict });
                Invariant.Check(result.HasChecksum, "the parser missed a trailer");
                Invariant.Check((result.Error?.Code == Sip2ErrorCode.ChecksumMismatch) == !matches, "the parser's checksum verdict disagrees with the sum");
            }
        }
    }

    private static bool TryReadHex(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            var digit = b is >= (byte)'0' and <= (byte)'9' ? b - '0'
                : b is >= (byte)'a' and <= (byte)'f' ? b - 'a' + 10
                : b is >= (byte)'A' and <= (byte)'F' ? b - 'A' + 10
                : -1;
            if (digit < 0)
            {
                return false;
            }

            value = (value * 16) + digit;
        }

        return true;
    }
}

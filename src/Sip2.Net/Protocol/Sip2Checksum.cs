using System;
using System.Buffers;

namespace Sip2.Net.Protocol;

/// <summary>
/// The SIP2 error-detection checksum: the two's complement of the 16-bit sum of every byte of the message
/// up to and including the characters <c>AZ</c>, written as four uppercase hex digits. It is computed over
/// the encoded bytes, never over characters, so the same text gives different checksums in IBM850 and UTF-8.
/// </summary>
public static class Sip2Checksum
{
    /// <summary>The checksum of <paramref name="bytes"/> (the message through <c>AZ</c>).</summary>
    public static ushort Compute(ReadOnlySpan<byte> bytes) => Complement(Sum(bytes));

    /// <summary>The checksum of a possibly segmented buffer.</summary>
    public static ushort Compute(in ReadOnlySequence<byte> bytes)
    {
        uint sum = 0;
        foreach (var segment in bytes)
        {
            sum += Sum(segment.Span);
        }

        return Complement(sum);
    }

    /// <summary>Whether the four hex digits <paramref name="hex"/> are the checksum of <paramref name="bytes"/>. Either case of hex is accepted.</summary>
    public static bool Verify(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> hex) =>
        TryParseHex(hex, out var expected) && Compute(bytes) == expected;

    /// <summary>Writes <paramref name="checksum"/> as four uppercase hex digits.</summary>
    public static void WriteHex(ushort checksum, Span<byte> destination)
    {
        if (destination.Length < 4)
        {
            throw new ArgumentException("Four bytes are needed.", nameof(destination));
        }

        for (var i = 3; i >= 0; i--)
        {
            var nibble = checksum & 0xF;
            destination[i] = (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
            checksum >>= 4;
        }
    }

    /// <summary>The checksum as four uppercase hex characters.</summary>
    public static string ToHex(ushort checksum)
    {
        Span<byte> hex = stackalloc byte[4];
        WriteHex(checksum, hex);
        return new string(new[] { (char)hex[0], (char)hex[1], (char)hex[2], (char)hex[3] });
    }

    /// <summary>Reads four hex digits, either case.</summary>
    public static bool TryParseHex(ReadOnlySpan<byte> hex, out ushort value)
    {
        value = 0;
        if (hex.Length != 4)
        {
            return false;
        }

        var result = 0;
        foreach (var b in hex)
        {
            int digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            result = (result << 4) | digit;
        }

        value = (ushort)result;
        return true;
    }

    internal static uint Sum(ReadOnlySpan<byte> bytes)
    {
        // A uint cannot overflow before 16 MiB of 0xFF bytes, far beyond any message length cap;
        // only the low 16 bits matter anyway.
        uint sum = 0;
        foreach (var b in bytes)
        {
            sum += b;
        }

        return sum;
    }

    internal static ushort Complement(uint sum) => (ushort)((~sum + 1) & 0xFFFF);
}

using System;
using System.Buffers;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;

namespace Sip2.Net.Protocol;

/// <summary>
/// Writes SIP2 messages as bytes, straight into an <see cref="IBufferWriter{T}"/>: command code, fixed
/// texts, variable fields in the message's order, the trailer, the terminator. The checksum is summed over
/// the bytes as they are written. A value can never break the framing: a delimiter, CR, LF or NUL inside
/// it is written as <see cref="Sip2CodecOptions.DelimiterReplacement"/>, and it is cut to
/// <see cref="Sip2CodecOptions.MaxFieldLength"/> characters.
/// </summary>
public static class Sip2MessageWriter
{
    /// <summary>Writes <paramref name="message"/> with its trailer and terminator; returns the number of bytes written.</summary>
    public static int Write(IBufferWriter<byte> output, Sip2Message message, Sip2CodecOptions? options = null, Sip2Trailer trailer = default)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        options ??= Sip2CodecOptions.Default;
        var writer = new SummingWriter(output);

        var code = (int)message.Command;
        Span<byte> ascii = stackalloc byte[6];
        ascii[0] = (byte)('0' + (code / 10));
        ascii[1] = (byte)('0' + (code % 10));
        writer.Write(ascii.Slice(0, 2));

        foreach (var text in message.FixedTextStorage)
        {
            writer.WriteText(text.AsSpan(), options);
        }

        // A value can never break the framing: its delimiters, CRs, LFs and NULs go out as the replacement.
        var framing = new FramingCharacters(options.FieldDelimiter, options.DelimiterReplacement);
        var singleBytes = options.Encoding.SingleByteTable;
        foreach (var field in message.FieldStorage)
        {
            writer.WriteField(field.Id, field.Value, options, framing, singleBytes);
        }

        if (trailer.HasChecksum)
        {
            // Resend messages never carry a sequence number (spec; Evergreen and Koha agree).
            var resend = message.Command is Sip2Command.RequestAcsResend or Sip2Command.RequestScResend;
            if (trailer.SequenceNumber is { } sequence && !resend)
            {
                ascii[0] = (byte)'A';
                ascii[1] = (byte)'Y';
                ascii[2] = (byte)('0' + sequence);
                writer.Write(ascii.Slice(0, 3));
            }

            ascii[0] = (byte)'A';
            ascii[1] = (byte)'Z';
            writer.Write(ascii.Slice(0, 2));
            Sip2Checksum.WriteHex(Sip2Checksum.Complement(writer.Sum), ascii);
            writer.Write(ascii.Slice(0, 4));
        }

        ascii[0] = (byte)'\r';
        ascii[1] = (byte)'\n';
        writer.Write(ascii.Slice(0, options.Terminator == Sip2Terminator.CrLf ? 2 : 1));
        return writer.Complete();
    }

    /// <summary>The message's bytes, with trailer and terminator, in a new array.</summary>
    public static byte[] ToBytes(Sip2Message message, Sip2CodecOptions? options = null, Sip2Trailer trailer = default)
    {
        var buffer = new GrowingBufferWriter(256);
        Write(buffer, message, options, trailer);
        return buffer.WrittenSpan.ToArray();
    }

    // Writes into one span of the output at a time (usually one for the whole message: two calls on the output
    // instead of two per value), tracking the byte sum for the checksum and the count written.
    private ref struct SummingWriter(IBufferWriter<byte> output)
    {
        private const int Chunk = 256;

        private Span<byte> span;
        private int used;

        public uint Sum;
        public int Written;

        // Room for `count` more bytes in the current span, moving to a new one when it is full.
        private Span<byte> Room(int count)
        {
            if (span.Length - used < count)
            {
                if (used > 0)
                {
                    output.Advance(used);
                }

                span = output.GetSpan(Math.Max(count, Chunk));
                used = 0;
            }

            return span.Slice(used);
        }

        private void Wrote(int count)
        {
            used += count;
            Written += count;
        }

        public int Complete()
        {
            if (used > 0)
            {
                output.Advance(used);
                used = 0;
            }

            return Written;
        }

        public void Write(scoped ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(Room(bytes.Length));
            Sum += Sip2Checksum.Sum(bytes);
            Wrote(bytes.Length);
        }

        public void WriteText(scoped ReadOnlySpan<char> text, Sip2CodecOptions options)
        {
            if (text.IsEmpty)
            {
                return;
            }

            if (TryWriteAscii(text, Room(text.Length), out var sum))
            {
                Sum += sum;
                Wrote(text.Length);
                return;
            }

            WriteEncoded(text, options);
        }

        // The field's id, value and delimiter. Nearly every value is ASCII (ids, barcodes, dates, flags), and in a
        // single-byte code page (`singleBytes`, IBM850) nearly every other one has a byte in its table: then all three
        // go into one reservation of the output in one pass.
        public void WriteField(FieldId id, string value, Sip2CodecOptions options, FramingCharacters framing, byte[]? singleBytes)
        {
            var text = Cut(value.AsSpan(), options.MaxFieldLength);
            var room = Room(text.Length + 3);
            room[0] = id.First;
            room[1] = id.Second;
            var delimiter = (byte)framing.Delimiter;
            if (TryWriteBytes(text, room.Slice(2), framing, singleBytes, out var sum))
            {
                room[text.Length + 2] = delimiter;
                Sum += sum + id.First + id.Second + delimiter;
                Wrote(text.Length + 3);
                return;
            }

            Sum += (uint)(id.First + id.Second);
            Wrote(2);
            Span<char> copy = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                copy[i] = framing.Apply(text[i]);
            }

            WriteEncoded(copy, options);
            Room(1)[0] = delimiter;
            Sum += delimiter;
            Wrote(1);
        }

        // A value is cut to the longest allowed, never between the two halves of a surrogate pair.
        private static ReadOnlySpan<char> Cut(ReadOnlySpan<char> text, int maxLength)
        {
            if (text.Length <= maxLength)
            {
                return text;
            }

            return text.Slice(0, char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength);
        }

        private void WriteEncoded(scoped ReadOnlySpan<char> text, Sip2CodecOptions options)
        {
            var encoding = options.Encoding;
            var room = Room(encoding.GetByteCount(text));
            var written = encoding.GetBytes(text, room);
            Sum += Sip2Checksum.Sum(room.Slice(0, written));
            Wrote(written);
        }

        // Every SIP2 encoding (IBM850, UTF-8, ASCII folding) writes a character below 0x7F as its own byte: an ASCII
        // text is narrowed here in one pass that also sums the bytes, without the encoder's two passes (count, then
        // encode). False, with `destination` partly written, as soon as a character is not ASCII. DEL and everything
        // above it are left to the encoding. (Fixed texts: a field's value goes through TryWriteBytes, below, which
        // also replaces framing characters.)
        private static bool TryWriteAscii(ReadOnlySpan<char> text, Span<byte> destination, out uint sum)
        {
            sum = 0;
            destination = destination.Slice(0, text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= 0x7F)
                {
                    return false;
                }

                destination[i] = (byte)c;
                sum += c;
            }

            return true;
        }

        // The same for a field's value, writing the delimiter, CR, LF and NUL as the replacement (which is always ASCII:
        // Sip2CodecOptions checks it). A character from DEL up takes its byte from the code page's table, when the
        // encoding is a single-byte code page: the names, titles and places that are not ASCII are mostly Latin-1
        // letters (é, ü, ß), written here in the same pass instead of the encoder's count, encode and the checksum's
        // sum. False at the first character without a byte (the encoder then writes the value, with its '?').
        private static bool TryWriteBytes(ReadOnlySpan<char> text, Span<byte> destination, FramingCharacters framing, byte[]? singleBytes, out uint sum)
        {
            sum = 0;
            destination = destination.Slice(0, text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = framing.Apply(text[i]);
                byte b;
                if (c < 0x7F)
                {
                    b = (byte)c;
                }
                else if (singleBytes is not null && Sip2Encoding.HasSingleByte(c, singleBytes))
                {
                    b = singleBytes[c];
                }
                else
                {
                    return false;
                }

                destination[i] = b;
                sum += b;
            }

            return true;
        }
    }

    private readonly struct FramingCharacters(char delimiter, char replacement)
    {
        public char Delimiter { get; } = delimiter;

        public char Replacement { get; } = replacement;

        public char Apply(char c) => c == Delimiter || c == '\r' || c == '\n' || c == '\0' ? Replacement : c;
    }
}

/// <summary>A minimal growable <see cref="IBufferWriter{T}"/> (netstandard2.0 has no ArrayBufferWriter).</summary>
internal sealed class GrowingBufferWriter(int initialCapacity) : IBufferWriter<byte>
{
    private byte[] buffer = new byte[Math.Max(initialCapacity, 16)];

    public int WrittenCount { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, WrittenCount);

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, WrittenCount);

    public void Clear() => WrittenCount = 0;

    public void Advance(int count) => WrittenCount += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(WrittenCount);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(WrittenCount);
    }

    private void Ensure(int sizeHint)
    {
        var needed = WrittenCount + Math.Max(sizeHint, 1);
        if (needed > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
        }
    }
}

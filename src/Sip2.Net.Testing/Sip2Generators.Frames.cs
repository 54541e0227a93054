using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Testing;

// Bytes on the wire: frames, streams of frames split into reads, and frames damaged in labelled ways.
public static partial class Sip2Generators
{
    /// <summary>
    /// Any message written as a frame for the encoding and error-detection mode: with a checksum and a sequence number
    /// when the mode is <see cref="Sip2ErrorDetectionMode.On"/>, without a trailer when it is
    /// <see cref="Sip2ErrorDetectionMode.Off"/>, either when it is <see cref="Sip2ErrorDetectionMode.Auto"/>; ended by
    /// CR or CRLF.
    /// </summary>
    public static Gen<Sip2Frame> Frame(Sip2Encoding encoding, Sip2ErrorDetectionMode errorDetection) =>
        Frame(AnyMessage(encoding), encoding, errorDetection);

    /// <summary>The messages of <paramref name="messages"/> written as frames (see <see cref="Frame(Sip2Encoding, Sip2ErrorDetectionMode)"/>).</summary>
    public static Gen<Sip2Frame> Frame(Gen<Sip2Message> messages, Sip2Encoding encoding, Sip2ErrorDetectionMode errorDetection)
    {
        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        if (encoding is null)
        {
            throw new ArgumentNullException(nameof(encoding));
        }

        var trailers = errorDetection switch
        {
            Sip2ErrorDetectionMode.Off => Gen.Constant(Sip2Trailer.None),
            Sip2ErrorDetectionMode.On => Gen.Choose(0, 9).Select(n => Sip2Trailer.WithChecksum(n)),
            _ => Gen.OneOf(Gen.Constant(Sip2Trailer.None), Gen.Choose(0, 9).Select(n => Sip2Trailer.WithChecksum(n))),
        };
        return from message in messages
               from trailer in trailers
               from terminator in Gen.Elements(Sip2Terminator.Cr, Sip2Terminator.CrLf)
               select Write(message, new Sip2CodecOptions { Encoding = encoding, ErrorDetection = errorDetection, Terminator = terminator }, trailer);
    }

    /// <summary>
    /// One to six frames (see <see cref="Frame(Sip2Encoding, Sip2ErrorDetectionMode)"/>) one after the other, each ended
    /// by CR, CRLF or LF, sometimes with stray line breaks before it, split at arbitrary points.
    /// </summary>
    public static Gen<Sip2SplitFrames> SplitFrames(Sip2Encoding encoding, Sip2ErrorDetectionMode errorDetection)
    {
        var piece =
            from frame in Frame(encoding, errorDetection)
            from before in Gen.Elements("", "", "", "\n", "\r\n", "\r\r\n")
            from lfOnly in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            select (Frame: frame, Bytes: Enumerable.Empty<byte>()
                .Concat(before.Select(c => (byte)c))
                .Concat(lfOnly ? frame.Content.ToArray().Append((byte)'\n') : frame.Bytes.ToArray())
                .ToArray());
        return from count in Gen.Choose(1, 6)
               from pieces in Gen.ListOf(piece, count)
               let bytes = pieces.SelectMany(p => p.Bytes).ToArray()
               from chunks in Split(bytes)
               select new Sip2SplitFrames { Frames = pieces.Select(p => p.Frame).ToArray(), Bytes = bytes, Chunks = chunks };
    }

    /// <summary>The bytes split at up to twelve arbitrary points into non-empty pieces that concatenate to them.</summary>
    public static Gen<IReadOnlyList<ReadOnlyMemory<byte>>> Split(ReadOnlyMemory<byte> bytes) =>
        from count in Gen.Choose(0, Math.Min(12, bytes.Length))
        from cuts in Gen.ListOf(Gen.Choose(1, Math.Max(1, bytes.Length - 1)), count)
        let points = cuts.Where(c => c < bytes.Length).Append(0).Append(bytes.Length).Distinct().OrderBy(c => c).ToArray()
        select (IReadOnlyList<ReadOnlyMemory<byte>>)points.Zip(points.Skip(1), (start, end) => bytes.Slice(start, end - start)).Where(c => c.Length > 0).ToArray();

    /// <summary>
    /// A frame damaged in one of the ways of <see cref="Sip2Corruption"/>, labelled with what framing and parsing must
    /// report for it.
    /// </summary>
    public static Gen<Sip2CorruptFrame> CorruptFrame(Sip2Encoding encoding) =>
        Gen.OneOf(BadChecksum(encoding), TruncatedFixedPart(encoding), TruncatedTrailer(encoding), Oversize(encoding));

    /// <summary>A frame damaged in the given way (see <see cref="CorruptFrame(Sip2Encoding)"/>).</summary>
    public static Gen<Sip2CorruptFrame> CorruptFrame(Sip2Encoding encoding, Sip2Corruption corruption) => corruption switch
    {
        Sip2Corruption.BadChecksum => BadChecksum(encoding),
        Sip2Corruption.TruncatedFixedPart => TruncatedFixedPart(encoding),
        Sip2Corruption.TruncatedTrailer => TruncatedTrailer(encoding),
        Sip2Corruption.Oversize => Oversize(encoding),
        _ => throw new ArgumentOutOfRangeException(nameof(corruption), corruption, "Not a kind of corruption."),
    };

    internal static Sip2Frame Write(Sip2Message message, Sip2CodecOptions options, Sip2Trailer trailer) =>
        new() { Message = message, Options = options, Trailer = trailer, Bytes = Sip2MessageWriter.ToBytes(message, options, trailer) };

    // Either a byte before the trailer or the checksum itself changes. The sum of a message changes with any one byte
    // (by less than 256, which 16 bits always see), so the checksum no longer matches; CR and LF are left out, as they
    // would end the frame early.
    private static Gen<Sip2CorruptFrame> BadChecksum(Sip2Encoding encoding) =>
        from frame in Frame(encoding, Sip2ErrorDetectionMode.On)
        let content = frame.Content.ToArray()
        let trailerStart = content.Length - (frame.Trailer.SequenceNumber is null || frame.Message.Command is Sip2Command.RequestAcsResend or Sip2Command.RequestScResend ? 6 : 9)
        from inPayload in Gen.Elements(true, false)
        from position in Gen.Choose(0, trailerStart - 1)
        from replacement in Gen.Choose(0, 255).Where(b => b is not ('\r' or '\n'))
        from shift in Gen.Choose(1, 0xFFFF)
        let damaged = inPayload ? ReplaceByte(content, position, (byte)replacement) : ReplaceChecksum(content, shift)
        where !damaged.AsSpan().SequenceEqual(content)
        select Labelled(Sip2Corruption.BadChecksum, frame, Terminate(damaged), frame.Options with { ErrorDetection = Sip2ErrorDetectionMode.On },
            Sip2FrameReader.DefaultMaxMessageLength, Sip2FrameStatus.Frame, Sip2ErrorCode.ChecksumMismatch);

    // Cut strictly inside a fixed field of two or more characters, which lenient reading refuses (strict reading may
    // refuse an earlier field first: generated fixed fields may be blank where strict reading wants digits). Fixed
    // fields are ASCII, so characters are bytes.
    private static Gen<Sip2CorruptFrame> TruncatedFixedPart(Sip2Encoding encoding)
    {
        var cuttable = Sip2MessageTable.All.Where(d => d.FixedFields.Any(f => f.Length >= 2)).ToArray();
        return from descriptor in Gen.Elements(cuttable)
               from frame in Frame(Message(descriptor, encoding), encoding, Sip2ErrorDetectionMode.Off)
               from field in Gen.Elements(descriptor.FixedFields.Where(f => f.Length >= 2).ToArray())
               from inside in Gen.Choose(1, field.Length - 1)
               let kept = frame.Content.Slice(0, 2 + field.Offset + inside).ToArray()
               where !EndsLikeChecksum(kept)
               select Labelled(Sip2Corruption.TruncatedFixedPart, frame, Terminate(kept),
                   frame.Options,
                   Sip2FrameReader.DefaultMaxMessageLength, Sip2FrameStatus.Frame, Sip2ErrorCode.TruncatedFixedPart);
    }

    private static Gen<Sip2CorruptFrame> TruncatedTrailer(Sip2Encoding encoding) =>
        from frame in Frame(encoding, Sip2ErrorDetectionMode.On)
        from length in Gen.Choose(1, frame.Content.Length - 1)
        let kept = frame.Content.Slice(0, length).ToArray()
        where !EndsLikeChecksum(kept)
        select Labelled(Sip2Corruption.TruncatedTrailer, frame, Terminate(kept), frame.Options,
            Sip2FrameReader.DefaultMaxMessageLength, Sip2FrameStatus.Frame, Sip2ErrorCode.ChecksumMissing);

    private static Gen<Sip2CorruptFrame> Oversize(Sip2Encoding encoding) =>
        from frame in Frame(encoding, Sip2ErrorDetectionMode.Auto)
        from cap in Gen.Choose(1, frame.Content.Length - 1)
        from terminated in Gen.Elements(true, false)
        select Labelled(Sip2Corruption.Oversize, frame, terminated ? frame.Bytes.ToArray() : frame.Content.ToArray(), frame.Options,
            cap, Sip2FrameStatus.TooLong, Sip2ErrorCode.MessageTooLong);

    private static Sip2CorruptFrame Labelled(
        Sip2Corruption kind, Sip2Frame original, byte[] bytes, Sip2CodecOptions options, int cap, Sip2FrameStatus status, Sip2ErrorCode error) =>
        new() { Kind = kind, Original = original, Bytes = bytes, Options = options, MaxMessageLength = cap, ExpectedFrameStatus = status, ExpectedError = error };

    private static byte[] ReplaceByte(byte[] content, int position, byte value)
    {
        var copy = (byte[])content.Clone();
        copy[position] = value;
        return copy;
    }

    // The last four bytes are the checksum's hex digits.
    private static byte[] ReplaceChecksum(byte[] content, int shift)
    {
        var copy = (byte[])content.Clone();
        _ = Sip2Checksum.TryParseHex(copy.AsSpan(copy.Length - 4), out var checksum); // the writer's own hex digits
        var hex = Sip2Checksum.ToHex((ushort)((checksum + shift) & 0xFFFF));
        for (var i = 0; i < 4; i++)
        {
            copy[copy.Length - 4 + i] = (byte)hex[i];
        }

        return copy;
    }

    private static byte[] Terminate(byte[] content) => [.. content, (byte)'\r'];

    // What a reader would take for a checksum at the end of a frame: "AZ" and four hex digits, before any trailing
    // delimiters and spaces (lenient reading looks past those).
    private static bool EndsLikeChecksum(byte[] bytes)
    {
        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] is (byte)'|' or (byte)' ')
        {
            end--;
        }

        return end >= 6 && bytes[end - 6] == 'A' && bytes[end - 5] == 'Z' && bytes.Skip(end - 4).Take(4).All(b => Uri.IsHexDigit((char)b));
    }
}

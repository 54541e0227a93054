using System;
using System.Buffers;

namespace Sip2.Net.Protocol;

/// <summary>
/// Splits a byte stream into SIP2 messages. A message ends at a CR or an LF; the LF of a CRLF (or any stray
/// CR and LF before a message) is skipped as leading junk of the next one, so CR, CRLF and LF clients all
/// frame the same, and the result does not depend on where the stream was split into reads.
/// </summary>
/// <remarks>
/// Works on <see cref="ReadOnlySequence{T}"/> as delivered by <c>System.IO.Pipelines</c> and allocates nothing:
/// a frame is a slice of the input.
/// </remarks>
public static class Sip2FrameReader
{
    /// <summary>The default cap on a message's length in bytes (64 KiB): far above any real message, small enough to bound memory.</summary>
    public const int DefaultMaxMessageLength = 64 * 1024;

    /// <summary>
    /// Looks for the next message in <paramref name="buffer"/>. On <see cref="Sip2FrameStatus.Frame"/>,
    /// <paramref name="frame"/> is the message without its terminator and <paramref name="buffer"/> has been
    /// advanced past the terminator. On <see cref="Sip2FrameStatus.NeedMoreData"/>, <paramref name="buffer"/>
    /// has been advanced past any skipped line breaks: mark it consumed up to its start and examined to its end.
    /// On <see cref="Sip2FrameStatus.TooLong"/>, <paramref name="buffer"/> is left where the message starts.
    /// </summary>
    public static Sip2FrameStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageLength, out ReadOnlySequence<byte> frame)
    {
        if (maxMessageLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessageLength), maxMessageLength, "The cap must be at least one byte.");
        }

        frame = default;
        buffer = SkipLineBreaks(buffer);
        if (buffer.IsEmpty)
        {
            return Sip2FrameStatus.NeedMoreData;
        }

        // Fast path: the whole message sits in the first segment.
        var first = buffer.First.Span;
        var index = first.IndexOfAny((byte)'\r', (byte)'\n');
        if (index >= 0)
        {
            if (index > maxMessageLength)
            {
                return Sip2FrameStatus.TooLong;
            }

            frame = buffer.Slice(0, index);
            buffer = buffer.Slice(index + 1);
            return Sip2FrameStatus.Frame;
        }

        if (buffer.IsSingleSegment)
        {
            return first.Length > maxMessageLength ? Sip2FrameStatus.TooLong : Sip2FrameStatus.NeedMoreData;
        }

        long offset = 0;
        foreach (var segment in buffer)
        {
            var span = segment.Span;
            var found = span.IndexOfAny((byte)'\r', (byte)'\n');
            if (found >= 0)
            {
                var length = offset + found;
                if (length > maxMessageLength)
                {
                    return Sip2FrameStatus.TooLong;
                }

                frame = buffer.Slice(0, length);
                buffer = buffer.Slice(length + 1);
                return Sip2FrameStatus.Frame;
            }

            offset += span.Length;
            if (offset > maxMessageLength)
            {
                return Sip2FrameStatus.TooLong;
            }
        }

        return Sip2FrameStatus.NeedMoreData;
    }

    private static ReadOnlySequence<byte> SkipLineBreaks(ReadOnlySequence<byte> buffer)
    {
        long skip = 0;
        foreach (var segment in buffer)
        {
            var span = segment.Span;
            var i = 0;
            while (i < span.Length && (span[i] == (byte)'\r' || span[i] == (byte)'\n'))
            {
                i++;
            }

            skip += i;
            if (i < span.Length)
            {
                break;
            }
        }

        return skip == 0 ? buffer : buffer.Slice(skip);
    }
}

using System.Buffers;
using Sip2.Net.Protocol;

namespace Sip2.Net.Fuzz;

/// <summary>
/// <see cref="Sip2FrameReader.TryReadFrame"/> over arbitrary bytes, with the default cap and a small one so both
/// the frame and the too-long paths are reached. Checks: every frame is within the cap, holds no CR or LF, and
/// is exactly the input's bytes at that place; the reader consumes exactly the skipped line breaks, the frame
/// and its one terminator; what it leaves on NeedMoreData or TooLong is what it says; and the frames do not
/// depend on how the bytes were split into segments or into reads.
/// </summary>
internal static class FrameTarget
{
    private const int SmallCap = 24;

    public static void Run(byte[] input)
    {
        foreach (var cap in new[] { Sip2FrameReader.DefaultMaxMessageLength, SmallCap })
        {
            var whole = ReadAll(new ReadOnlySequence<byte>(input), input, cap);
            var segmented = ReadAll(Invariant.Segmented(input), input, cap);
            Invariant.Check(whole.SequenceEqual(segmented), "segment boundaries change the frames");

            var fed = Feed(input, cap);
            Invariant.Check(whole.SequenceEqual(fed), "read boundaries change the frames");
        }
    }

    // Every frame, then the final status and the offset where reading stopped, as one comparable list.
    private static List<string> ReadAll(ReadOnlySequence<byte> buffer, byte[] input, int cap)
    {
        var outcome = new List<string>();
        long position = 0;
        while (true)
        {
            var before = buffer;
            var status = Sip2FrameReader.TryReadFrame(ref buffer, cap, out var frame);
            var consumed = before.Length - buffer.Length;
            Invariant.Check(consumed >= 0, "the buffer grew");
            var skipped = status == Sip2FrameStatus.Frame ? consumed - frame.Length - 1 : consumed;
            Invariant.Check(skipped >= 0, "the reader consumed less than the frame and its terminator");
            for (var i = 0; i < skipped; i++)
            {
                Invariant.Check(IsBreak(input[position + i]), "the reader skipped a byte that is not a line break");
            }

            var start = position + skipped;
            switch (status)
            {
                case Sip2FrameStatus.Frame:
                    Invariant.Check(frame.Length > 0 && frame.Length <= cap, "a frame is empty or longer than the cap");
                    var bytes = frame.ToArray();
                    Invariant.Check(bytes.AsSpan().SequenceEqual(input.AsSpan((int)start, bytes.Length)), "a frame is not the input's bytes at its place");
                    Invariant.Check(bytes.AsSpan().IndexOfAny((byte)'\r', (byte)'\n') < 0, "a frame holds a line break");
                    Invariant.Check(IsBreak(input[start + bytes.Length]), "a frame is not followed by its terminator");
                    outcome.Add(Convert.ToHexString(bytes));
                    position += consumed;
                    continue;
                case Sip2FrameStatus.NeedMoreData:
                    Invariant.Check(start + buffer.Length == input.Length, "NeedMoreData did not leave the rest of the input");
                    Invariant.Check(input.AsSpan((int)start).IndexOfAny((byte)'\r', (byte)'\n') < 0, "NeedMoreData although a terminator is there");
                    Invariant.Check(buffer.Length <= cap, "NeedMoreData with more than the cap buffered");
                    break;
                case Sip2FrameStatus.TooLong:
                    Invariant.Check(start + buffer.Length == input.Length, "TooLong did not leave the buffer where the message starts");
                    var end = input.AsSpan((int)start).IndexOfAny((byte)'\r', (byte)'\n');
                    Invariant.Check(end > cap || (end < 0 && buffer.Length > cap), "TooLong for a message within the cap");
                    break;
                default:
                    Invariant.Check(false, "an unknown status");
                    break;
            }

            outcome.Add($"{status}@{start}");
            return outcome;
        }
    }

    // As a pipe reader does: bytes arrive in chunks, unconsumed bytes stay and the next chunk is appended.
    private static List<string> Feed(byte[] input, int cap)
    {
        var outcome = new List<string>();
        var pending = new List<byte>();
        long offset = 0; // input offset of pending[0]
        var next = 0;
        var chunk = 0;
        while (true)
        {
            if (next < input.Length)
            {
                var size = Math.Min(1 + ((input[chunk % input.Length] + chunk) % 13), input.Length - next);
                chunk++;
                pending.AddRange(input.AsSpan(next, size).ToArray());
                next += size;
            }

            var buffer = new ReadOnlySequence<byte>(pending.ToArray());
            Sip2FrameStatus status;
            while (true)
            {
                var before = buffer.Length;
                status = Sip2FrameReader.TryReadFrame(ref buffer, cap, out var frame);
                if (status != Sip2FrameStatus.Frame)
                {
                    offset += before - buffer.Length;
                    break;
                }

                offset += before - buffer.Length;
                outcome.Add(Convert.ToHexString(frame.ToArray()));
            }

            pending = [.. buffer.ToArray()];
            if (status == Sip2FrameStatus.TooLong || next >= input.Length)
            {
                outcome.Add($"{status}@{offset}");
                return outcome;
            }
        }
    }

    private static bool IsBreak(byte b) => b is (byte)'\r' or (byte)'\n';
}

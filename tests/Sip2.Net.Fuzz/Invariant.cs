using System.Buffers;

namespace Sip2.Net.Fuzz;

/// <summary>
/// What the targets share: a failed check throws, and Fuzzer.Run reports any escaping exception to afl-fuzz as a
/// crash, so a broken invariant is recorded exactly like an unexpected exception. Messages name the rule only,
/// never the input's bytes: a field value could be a password.
/// </summary>
internal static class Invariant
{
    public static void Check(bool condition, string rule)
    {
        if (!condition)
        {
            throw new InvariantBrokenException(rule);
        }
    }

    /// <summary>
    /// Cuts <paramref name="data"/> into segments whose lengths are derived from the data itself (1 to 8 bytes,
    /// with an occasional empty segment), so the same input always gives the same split and a pipe's
    /// arbitrary read boundaries are exercised without any randomness.
    /// </summary>
    public static ReadOnlySequence<byte> Segmented(ReadOnlyMemory<byte> data)
    {
        if (data.Length < 2)
        {
            return new ReadOnlySequence<byte>(data);
        }

        var span = data.Span;
        Segment? first = null;
        Segment? last = null;
        var position = 0;
        var step = 0;
        while (position < data.Length)
        {
            var seed = span[step % span.Length] + step;
            step++;
            var length = seed % 11 == 0 ? 0 : Math.Min(1 + (seed % 8), data.Length - position);
            var segment = new Segment(data.Slice(position, length));
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.Append(segment);
            }

            last = segment;
            position += length;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public void Append(Segment next)
        {
            next.RunningIndex = RunningIndex + Memory.Length;
            Next = next;
        }
    }
}

/// <summary>A target's invariant does not hold: afl-fuzz records the input as a crash.</summary>
internal sealed class InvariantBrokenException(string rule) : Exception("Invariant broken: " + rule);

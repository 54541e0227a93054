using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Protocol;
using Sip2.Net.Testing;

namespace Sip2.Net.Tests.Protocol;

public class FramingTests
{
    private static List<string> FrameAll(IEnumerable<byte[]> chunks, int max = Sip2FrameReader.DefaultMaxMessageLength)
    {
        // Feeds chunks the way a pipe reader would: unconsumed bytes stay and new bytes are appended.
        var frames = new List<string>();
        var pending = new List<byte>();
        foreach (var chunk in chunks)
        {
            pending.AddRange(chunk);
            var buffer = new ReadOnlySequence<byte>(pending.ToArray());
            while (true)
            {
                var status = Sip2FrameReader.TryReadFrame(ref buffer, max, out var frame);
                if (status == Sip2FrameStatus.Frame)
                {
                    frames.Add(Encoding.Latin1.GetString(frame.ToArray()));
                    continue;
                }

                Assert.Equal(Sip2FrameStatus.NeedMoreData, status);
                break;
            }

            pending = buffer.ToArray().ToList();
        }

        return frames;
    }

    [Theory]
    [InlineData("9900302.00\r")]
    [InlineData("9900302.00\r\n")]
    [InlineData("9900302.00\n")]
    [InlineData("\n9900302.00\r")]
    [InlineData("\r\n\r\n9900302.00\r\n")]
    public void Cr_crlf_lf_and_stray_line_breaks_give_the_same_frame(string input) =>
        Assert.Equal(new[] { "9900302.00" }, FrameAll(new[] { Encoding.ASCII.GetBytes(input) }));

    [Fact]
    public void Several_messages_in_one_read_come_out_in_order() =>
        Assert.Equal(new[] { "9900302.00", "97", "9300CNa|COb|" },
            FrameAll(new[] { Encoding.ASCII.GetBytes("9900302.00\r\n97\r9300CNa|COb|\r") }));

    [Fact]
    public void An_incomplete_message_needs_more_data()
    {
        var buffer = new ReadOnlySequence<byte>("9900302"u8.ToArray());
        Assert.Equal(Sip2FrameStatus.NeedMoreData, Sip2FrameReader.TryReadFrame(ref buffer, 100, out _));
        Assert.Equal(7, buffer.Length);
    }

    [Fact]
    public void A_message_over_the_cap_is_refused_even_without_a_terminator()
    {
        var unterminated = new ReadOnlySequence<byte>(new byte[101]);
        Assert.Equal(Sip2FrameStatus.TooLong, Sip2FrameReader.TryReadFrame(ref unterminated, 100, out _));

        var terminated = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(new string('9', 101) + "\r"));
        Assert.Equal(Sip2FrameStatus.TooLong, Sip2FrameReader.TryReadFrame(ref terminated, 100, out _));

        var exactly = new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(new string('9', 100) + "\r"));
        Assert.Equal(Sip2FrameStatus.Frame, Sip2FrameReader.TryReadFrame(ref exactly, 100, out var frame));
        Assert.Equal(100, frame.Length);
    }

    [Fact]
    public void A_frame_across_segments_is_found()
    {
        var first = new Segment("9900"u8.ToArray());
        var last = first.Append("302.00\r97\r"u8.ToArray());
        var buffer = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);

        Assert.Equal(Sip2FrameStatus.Frame, Sip2FrameReader.TryReadFrame(ref buffer, 100, out var frame));
        Assert.Equal("9900302.00", Encoding.ASCII.GetString(frame.ToArray()));
        Assert.Equal(Sip2FrameStatus.Frame, Sip2FrameReader.TryReadFrame(ref buffer, 100, out frame));
        Assert.Equal("97", Encoding.ASCII.GetString(frame.ToArray()));
    }

    private static readonly string Stream = string.Concat(Messages.GoldenVectorTests.Vectors.Values.Select((v, i) => v.Wire + (i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n")));

    [Fact]
    public void Splitting_the_stream_at_every_offset_gives_the_same_frames()
    {
        var bytes = Sip2.Net.Encodings.Sip2Encoding.Ibm850.GetBytes(Stream);
        var expected = FrameAll(new[] { bytes });
        Assert.Equal(Messages.GoldenVectorTests.Vectors.Count, expected.Count);

        for (var split = 0; split <= bytes.Length; split++)
        {
            Assert.Equal(expected, FrameAll(new[] { bytes[..split], bytes[split..] }));
        }
    }

    [Fact]
    public void Feeding_one_byte_at_a_time_gives_the_same_frames()
    {
        var bytes = Sip2.Net.Encodings.Sip2Encoding.Ibm850.GetBytes(Stream);
        Assert.Equal(FrameAll(new[] { bytes }), FrameAll(bytes.Select(b => new[] { b })));
    }

    [Property(MaxTest = 200)]
    public Property Any_chunking_gives_the_same_frames()
    {
        var bytes = Sip2.Net.Encodings.Sip2Encoding.Ibm850.GetBytes(Stream);
        var expected = FrameAll(new[] { bytes });
        return Prop.ForAll(Sip2Generators.Split(bytes).ToArbitrary(), chunks =>
            FrameAll(chunks.Select(c => c.ToArray())).SequenceEqual(expected));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}

public class AllocationTests
{
    // Allocation is a deterministic count, not a timing: framing and checksums must not allocate at all.
    [Fact]
    public void Framing_and_checksum_of_well_formed_frames_allocate_nothing()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("9900302.00AY1AZFCA5\r\n11YN20240417    083058                  AOi|AAp|ABi|AC|\r");
        var sequence = new ReadOnlySequence<byte>(bytes);
        Run(sequence); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Run(sequence);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void Run(ReadOnlySequence<byte> buffer)
        {
            while (Sip2FrameReader.TryReadFrame(ref buffer, 1024, out var frame) == Sip2FrameStatus.Frame)
            {
                _ = Sip2Checksum.Compute(frame);
            }
        }
    }
}

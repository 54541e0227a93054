using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Testing.Tests.Generators;

/// <summary>What the generators promise: valid values for the encoding, frames that read back, labels that hold.</summary>
public sealed class GeneratorTests
{
    public static TheoryData<string> Encodings() => new() { "IBM850", "UTF-8", "ASCII" };

    private static Sip2Encoding EncodingNamed(string name) => Sip2Encoding.TryGet(name, out var encoding) ? encoding : throw new ArgumentException(name);

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Texts_fit_a_field_and_the_encoding_carries_them_unchanged(string name)
    {
        var encoding = EncodingNamed(name);
        Prop.ForAll(Sip2Generators.Text(encoding, 255).ToArbitrary(), text =>
        {
            Assert.True(text.Length <= 255);
            Assert.DoesNotContain('|', text);
            Assert.DoesNotContain(text, char.IsControl);
            Assert.Equal(text, encoding.GetString(encoding.GetBytes(text)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Utf8_texts_reach_beyond_IBM850_and_ASCII_texts_stay_ASCII()
    {
        var utf8 = Sip2Generators.Text(Sip2Encoding.Utf8, 255).Sample(200, 50);
        var ascii = Sip2Generators.Text(Sip2Encoding.AsciiFolding, 255).Sample(200, 50);

        Assert.Contains(utf8, t => t.Any(char.IsSurrogate));
        Assert.All(ascii, t => Assert.True(t.All(c => c < 0x7F), t));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Every_generated_message_writes_and_reads_back_equal(string name)
    {
        var encoding = EncodingNamed(name);
        var options = new Sip2CodecOptions { Encoding = encoding };
        Prop.ForAll(Sip2Generators.AnyMessage(encoding).ToArbitrary(), message =>
        {
            var bytes = Sip2MessageWriter.ToBytes(message, options);
            var read = Sip2MessageParser.Parse(bytes.AsSpan(0, bytes.Length - 1), options);
            Assert.True(read.IsSuccess, read.Error?.ToString());
            Assert.Equal(message, read.Message);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Requests_and_responses_are_what_they_say()
    {
        Assert.All(Sip2Generators.Request(Sip2Encoding.Ibm850).Sample(100, 20), m => Assert.True(m.Descriptor.IsRequest));
        Assert.All(Sip2Generators.Response(Sip2Encoding.Ibm850).Sample(100, 20), m => Assert.False(m.Descriptor.IsRequest));
        Assert.All(Sip2Generators.Message<CheckoutRequest>(Sip2Encoding.Ibm850).Sample(20, 5), m => Assert.IsType<CheckoutRequest>(m));
    }

    [Fact]
    public void The_message_generators_reach_every_message_of_the_table()
    {
        var seen = Sip2Generators.AnyMessage(Sip2Encoding.Ibm850).Sample(2000, 20).Select(m => m.Command).ToHashSet();
        Assert.Equal(Sip2MessageTable.All.Select(d => d.Command).Order(), seen.Order());
    }

    [Theory]
    [InlineData(Sip2ErrorDetectionMode.Off)]
    [InlineData(Sip2ErrorDetectionMode.On)]
    [InlineData(Sip2ErrorDetectionMode.Auto)]
    public void Frames_carry_a_trailer_as_their_mode_asks_and_read_back_with_their_options(Sip2ErrorDetectionMode mode)
    {
        Prop.ForAll(Sip2Generators.Frame(Sip2Encoding.Utf8, mode).ToArbitrary(), frame =>
        {
            var read = Sip2MessageParser.Parse(frame.Content.Span, frame.Options);
            Assert.True(read.IsSuccess, $"{read.Error} in {frame}");
            Assert.Equal(frame.Message, read.Message);
            Assert.Equal(mode != Sip2ErrorDetectionMode.Off && frame.Trailer.HasChecksum, read.HasChecksum);
            if (mode == Sip2ErrorDetectionMode.On)
            {
                Assert.True(read.HasChecksum);
            }

            if (mode == Sip2ErrorDetectionMode.Off)
            {
                Assert.False(frame.Trailer.HasChecksum);
            }

            var terminator = frame.Bytes.Span[frame.Content.Length..].ToArray();
            Assert.Equal(frame.Options.Terminator == Sip2Terminator.CrLf ? "\r\n"u8.ToArray() : "\r"u8.ToArray(), terminator);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Property(MaxTest = 300, Arbitrary = new[] { typeof(Sip2Arbitraries) })]
    public void Split_frames_frame_to_the_frames_in_order_whatever_the_reads(Sip2SplitFrames split)
    {
        Assert.Equal(split.Bytes.ToArray(), split.Chunks.SelectMany(c => c.ToArray()).ToArray());
        Assert.All(split.Chunks, c => Assert.True(c.Length > 0));

        var frames = new List<byte[]>();
        var pending = Array.Empty<byte>();
        foreach (var chunk in split.Chunks)
        {
            var buffer = new ReadOnlySequence<byte>([.. pending, .. chunk.ToArray()]);
            while (Sip2FrameReader.TryReadFrame(ref buffer, Sip2FrameReader.DefaultMaxMessageLength, out var frame) == Sip2FrameStatus.Frame)
            {
                frames.Add(frame.ToArray());
            }

            pending = buffer.ToArray();
        }

        Assert.Equal(split.Frames.Select(f => f.Content.ToArray()), frames);
    }

    [Theory]
    [InlineData(Sip2Corruption.BadChecksum)]
    [InlineData(Sip2Corruption.TruncatedFixedPart)]
    [InlineData(Sip2Corruption.TruncatedTrailer)]
    [InlineData(Sip2Corruption.Oversize)]
    public void Corrupt_frames_get_the_status_and_error_they_are_labelled_with(Sip2Corruption kind)
    {
        Prop.ForAll(Sip2Generators.CorruptFrame(Sip2Encoding.Utf8, kind).ToArbitrary(), corrupt =>
        {
            Assert.Equal(kind, corrupt.Kind);
            var buffer = new ReadOnlySequence<byte>(corrupt.Bytes);
            var status = Sip2FrameReader.TryReadFrame(ref buffer, corrupt.MaxMessageLength, out var frame);
            Assert.Equal(corrupt.ExpectedFrameStatus, status);
            if (status == Sip2FrameStatus.Frame)
            {
                var read = Sip2MessageParser.Parse(frame, corrupt.Options);
                Assert.False(read.IsSuccess, corrupt.ToString());
                Assert.Equal(corrupt.ExpectedError, read.Error!.Code);
            }
            else
            {
                Assert.Equal(Sip2ErrorCode.MessageTooLong, corrupt.ExpectedError);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void The_corrupt_frame_generator_makes_every_kind()
    {
        var kinds = Sip2Generators.CorruptFrame(Sip2Encoding.Ibm850).Sample(400, 20).Select(c => c.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<Sip2Corruption>().Order(), kinds.Order());
    }

    [Fact]
    public void Frames_print_with_their_passwords_masked()
    {
        var login = new LoginRequest { LoginUserId = "kiosk", LoginPassword = "hunter2" };
        var frame = Sip2Generators.Frame(Gen.Constant<Sip2Message>(login), Sip2Encoding.Ibm850, Sip2ErrorDetectionMode.On).Sample(1, 1).Single();

        Assert.DoesNotContain("hunter2", frame.ToString(), StringComparison.Ordinal);
        Assert.Contains("CNkiosk|CO***|", frame.ToString(), StringComparison.Ordinal);
        Assert.Contains("\\r", frame.ToString(), StringComparison.Ordinal);
    }
}

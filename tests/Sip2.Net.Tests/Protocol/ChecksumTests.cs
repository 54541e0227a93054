using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Tests.Protocol;

public class ChecksumTests
{
    [Theory]
    [InlineData("97AZ", "FEF5")]
    [InlineData("96AZ", "FEF6")]
    [InlineData("941AY1AZ", "FDFC")]
    [InlineData("9900302.00AY2AZ", "FCA4")]
    [InlineData("9900302.00AY1AZ", "FCA5")]
    public void Reference_vectors(string message, string expected)
    {
        var checksum = Sip2Checksum.Compute(Encoding.ASCII.GetBytes(message));

        Assert.Equal(expected, Sip2Checksum.ToHex(checksum));
        Assert.True(Sip2Checksum.Verify(Encoding.ASCII.GetBytes(message), Encoding.ASCII.GetBytes(expected)));
    }

    [Fact]
    public void Lowercase_hex_is_accepted()
    {
        Assert.True(Sip2Checksum.Verify("97AZ"u8, "fef5"u8));
        Assert.True(Sip2MessageParser.Parse("97AZfef5"u8, new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.On }).IsSuccess);
    }

    [Theory]
    [InlineData("FEF")]
    [InlineData("FEFG")]
    [InlineData("FEF55")]
    public void Malformed_hex_never_verifies(string hex) =>
        Assert.False(Sip2Checksum.Verify("97AZ"u8, Encoding.ASCII.GetBytes(hex)));

    [Fact]
    public void Writer_produces_the_reference_trailers()
    {
        Assert.Equal("941AY1AZFDFC\r", Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(new LoginResponse { Ok = true }, trailer: Sip2Trailer.WithChecksum(1))));
        Assert.Equal("9900302.00AY2AZFCA4\r", Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(
            new ScStatusRequest { MaxPrintWidth = 30 }, trailer: Sip2Trailer.WithChecksum(2))));
        Assert.Equal("97AZFEF5\r", Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(new RequestAcsResend(), trailer: Sip2Trailer.WithChecksum(3))));
        Assert.Equal("96AZFEF6\r", Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(new RequestScResend(), trailer: Sip2Trailer.WithChecksum())));
    }

    [Fact]
    public void Sum_is_over_bytes_so_encodings_differ()
    {
        var response = new PatronStatusResponse { InstitutionId = "i", PatronIdentifier = "p", PersonalName = "Jürgen" };
        var ibm850 = Sip2MessageWriter.ToBytes(response, new Sip2CodecOptions { Encoding = Sip2.Net.Encodings.Sip2Encoding.Ibm850 }, Sip2Trailer.WithChecksum(0));
        var utf8 = Sip2MessageWriter.ToBytes(response, new Sip2CodecOptions { Encoding = Sip2.Net.Encodings.Sip2Encoding.Utf8 }, Sip2Trailer.WithChecksum(0));

        Assert.NotEqual(ibm850[^5..], utf8[^5..]);
        Assert.True(Sip2MessageParser.Parse(ibm850.AsSpan(0, ibm850.Length - 1), new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.On }).IsSuccess);
        Assert.True(Sip2MessageParser.Parse(utf8.AsSpan(0, utf8.Length - 1), new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.On, Encoding = Sip2.Net.Encodings.Sip2Encoding.Utf8 }).IsSuccess);
    }

    [Fact]
    public void Sequence_numbers_wrap_after_nine()
    {
        Assert.Equal(1, Sip2SequenceNumber.Next(0));
        Assert.Equal(9, Sip2SequenceNumber.Next(8));
        Assert.Equal(0, Sip2SequenceNumber.Next(9));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sip2SequenceNumber.Next(10));
    }

    // Hex digits are read in either case, so flipping the case of a checksum letter changes nothing.
    private static bool IsSameHexDigit(byte[] frame, int position, int replacement) =>
        position >= frame.Length - 4 && char.IsAsciiLetter((char)replacement)
        && char.ToUpperInvariant((char)frame[position]) == char.ToUpperInvariant((char)replacement);

    // Any single changed byte of a checksummed message is detected: a one-byte change alters the byte sum
    // by a non-zero amount below 256, which the 16-bit checksum always sees.
    [Property(MaxTest = 300)]
    public Property Any_single_changed_byte_is_detected()
    {
        var vectors = Messages.GoldenVectorTests.Vectors.Values.Select(v => Sip2.Net.Encodings.Sip2Encoding.Ibm850.GetBytes(v.Wire)).ToArray();
        var gen =
            from frame in Gen.Elements(vectors)
            from position in Gen.Choose(0, frame.Length - 1)
            from replacement in Gen.Choose(0, 255)
            where frame[position] != replacement && !IsSameHexDigit(frame, position, replacement)
            select (frame, position, (byte)replacement);

        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (frame, position, replacement) = t;
            var corrupted = (byte[])frame.Clone();
            corrupted[position] = replacement;
            var result = Sip2MessageParser.Parse(corrupted, new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.On });

            // Either the checksum no longer matches, or the trailer itself was damaged so the message is
            // refused as having no valid checksum; it is never accepted.
            return !result.IsSuccess
                && result.Error!.Code is Sip2ErrorCode.ChecksumMismatch or Sip2ErrorCode.ChecksumMissing;
        });
    }
}

using System.Text;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Tests.Encodings;

public class EncodingTests
{
    [Fact]
    public void Ibm850_uses_the_code_page_without_any_set_up() =>
        // ü is 0x81 in code page 850 (and 0xFC in Latin-1): proof the real code page is used.
        Assert.Equal(new byte[] { 0x4D, 0x81, 0x6C, 0x6C, 0x65, 0x72 }, Sip2Encoding.Ibm850.GetBytes("Müller"));

    [Fact]
    public void Every_byte_decodes_in_Ibm850_and_round_trips()
    {
        var all = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        Assert.Equal(all, Sip2Encoding.Ibm850.GetBytes(Sip2Encoding.Ibm850.GetString(all)));
    }

    [Fact]
    public void Characters_outside_Ibm850_become_a_question_mark() =>
        Assert.Equal("Tokyo ?? ?", Encoding.ASCII.GetString(Sip2Encoding.Ibm850.GetBytes("Tokyo 東京 😀")));

    [Fact]
    public void Utf8_carries_everything_and_reads_invalid_bytes_without_throwing()
    {
        Assert.Equal("東京 😀", Sip2Encoding.Utf8.GetString(Sip2Encoding.Utf8.GetBytes("東京 😀")));
        Assert.Equal("a\uFFFDb", Sip2Encoding.Utf8.GetString(new byte[] { (byte)'a', 0xC3, (byte)'b' }));
    }

    [Theory]
    [InlineData("Müller", "Muller")]
    [InlineData("Ærøskøbing", "AEroskobing")]
    [InlineData("Straße", "Strasse")]
    [InlineData("Łódź", "Lodz")]
    [InlineData("Crème brûlée", "Creme brulee")]
    [InlineData("東京", "??")]
    [InlineData("plain", "plain")]
    public void Ascii_folding_removes_diacritics(string text, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(Sip2Encoding.AsciiFolding.GetBytes(text)));

    [Theory]
    [InlineData("IBM850", Sip2CharacterEncoding.Ibm850)]
    [InlineData("cp850", Sip2CharacterEncoding.Ibm850)]
    [InlineData("utf-8", Sip2CharacterEncoding.Utf8)]
    [InlineData("UTF8", Sip2CharacterEncoding.Utf8)]
    [InlineData("ascii", Sip2CharacterEncoding.AsciiFolding)]
    public void Encodings_are_found_by_name(string name, Sip2CharacterEncoding kind)
    {
        Assert.True(Sip2Encoding.TryGet(name, out var encoding));
        Assert.Equal(kind, encoding.Kind);
        Assert.Same(encoding, Sip2Encoding.Get(kind));
    }

    [Fact]
    public void Unknown_encoding_names_are_refused() => Assert.False(Sip2Encoding.TryGet("EBCDIC", out _));

    [Fact]
    public void A_delimiter_or_line_break_inside_a_value_never_breaks_the_framing()
    {
        var response = new CheckoutResponse { TitleIdentifier = "A | B\r\nC\0D" };

        var wire = Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(response));

        Assert.Contains("AJA   B  C D|", wire, StringComparison.Ordinal);
        Assert.Equal(1, wire.Count(c => c == '\r'));
    }

    [Fact]
    public void Values_are_cut_to_the_field_length_without_splitting_a_character()
    {
        var response = new CheckoutResponse { TitleIdentifier = new string('a', 254) + "😀" };
        var options = new Sip2CodecOptions { Encoding = Sip2Encoding.Utf8 };

        var parsed = (CheckoutResponse)Sip2MessageParser.ParseOrThrow(Sip2MessageWriter.ToBytes(response, options).AsSpan()[..^1], options);

        Assert.Equal(new string('a', 254), parsed.TitleIdentifier);
    }

    [Fact]
    public void The_same_message_round_trips_in_each_encoding()
    {
        var response = new PatronStatusResponse { InstitutionId = "i", PatronIdentifier = "p", PersonalName = "Jürgen Müller" };
        foreach (var encoding in new[] { Sip2Encoding.Ibm850, Sip2Encoding.Utf8 })
        {
            var options = new Sip2CodecOptions { Encoding = encoding };
            var bytes = Sip2MessageWriter.ToBytes(response, options, Sip2Trailer.WithChecksum(4));
            Assert.Equal(response, Sip2MessageParser.ParseOrThrow(bytes.AsSpan()[..^1], options));
        }
    }
}

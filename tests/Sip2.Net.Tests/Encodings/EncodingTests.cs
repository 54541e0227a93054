using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    // The encoding reads ASCII and writes characters up to U+00FF without the code page's own decoder and
    // encoder; these compare those shortcuts with the code page for every byte and every such character.
    private static readonly Encoding CodePage850 = CodePagesEncodingProvider.Instance.GetEncoding(850)!;

    [Fact]
    public void Ibm850_reads_every_byte_as_the_code_page_does()
    {
        for (var b = 0; b < 256; b++)
        {
            byte[] bytes = [(byte)'A', (byte)b, (byte)'z'];
            Assert.Equal(CodePage850.GetString(bytes), Sip2Encoding.Ibm850.GetString(bytes));
        }
    }

    [Fact]
    public void Ibm850_writes_every_character_up_to_U00FF_as_the_code_page_does()
    {
        for (var c = 0; c < 256; c++)
        {
            var text = "A" + (char)c + "z";
            var expected = CodePage850.GetBytes(text);
            Assert.Equal(expected.Length, Sip2Encoding.Ibm850.GetByteCount(text.AsSpan()));
            Assert.Equal(expected, Sip2Encoding.Ibm850.GetBytes(text));
        }
    }

    [Theory]
    [InlineData("Zweigstelle Süd", new byte[] { 0x5A, 0x77, 0x65, 0x69, 0x67, 0x73, 0x74, 0x65, 0x6C, 0x6C, 0x65, 0x20, 0x53, 0x81, 0x64 })]
    [InlineData("Ø½€", new byte[] { 0x9D, 0xAB, (byte)'?' })] // € is not in code page 850
    [InlineData("é😀", new byte[] { 0x82, (byte)'?' })]
    public void Ibm850_mixes_latin1_and_missing_characters(string text, byte[] expected)
    {
        Assert.Equal(expected.Length, Sip2Encoding.Ibm850.GetByteCount(text.AsSpan()));
        Assert.Equal(expected, Sip2Encoding.Ibm850.GetBytes(text));
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

    // Not a theory: the test runner's serialisation of theory data turns a lone surrogate into replacement characters.
    [Fact]
    public void Ascii_folding_writes_a_lone_surrogate_as_a_question_mark()
    {
        static string Folded(string text) => Encoding.ASCII.GetString(Sip2Encoding.AsciiFolding.GetBytes(text));
        Assert.Equal("a?b", Folded("a\uD83Db")); // a high surrogate without its low half
        Assert.Equal("a?b", Folded("a\uDE00b")); // a low one without its high half
        Assert.Equal("??", Folded("\uDE00\uD83D")); // the two halves in the wrong order
        Assert.Equal("a?", Folded("a\uD83D")); // a high one at the end
        Assert.Equal("x?y", Folded("x\uD83D\uDE00y")); // a whole pair: one character, one '?'
    }

    // Formatting must never throw on what a back end puts in a field, whatever the session's encoding: the server
    // writes the answer straight to the connection, and an exception there leaves half a message on the wire. The
    // texts are drawn from characters that each take another path: ASCII, Latin-1, the rest of the BMP, both halves
    // of a surrogate pair (often alone or out of order), framing characters and DEL.
    [Property(MaxTest = 500)]
    public Property Every_encoding_writes_any_text(byte[] picks, byte kind)
    {
        const string Palette = "aZ9 é߀東\uD83D\uDE00|^\r\n\0\u007F";
        var text = new string(picks.Select(p => Palette[p % Palette.Length]).ToArray());
        var encoding = Sip2Encoding.Get((Sip2CharacterEncoding)(kind % 3));
        return Prop.ToProperty(() =>
        {
            var bytes = encoding.GetBytes(text);
            var message = new CheckoutResponse { InstitutionId = "main", ScreenMessages = [text] };
            var frame = Sip2MessageWriter.ToBytes(message, new Sip2CodecOptions { Encoding = encoding }, Sip2Trailer.WithChecksum(1));
            return bytes.Length == encoding.GetByteCount(text) && frame[^1] == (byte)'\r';
        });
    }

    // The writer does not go through the encoding for most values: it narrows ASCII itself, and for a single-byte code
    // page writes other characters from the code page's table, in the same pass that replaces framing characters and
    // sums the bytes. Whatever the path, a value must come out as the encoding's bytes of the text with its framing
    // characters replaced, and the checksum must be the sum of what was written.
    [Property(MaxTest = 500)]
    public Property A_value_is_written_as_its_encodings_bytes_with_the_framing_characters_replaced(byte[] picks, byte kind)
    {
        const string Palette = "aZ9 éüßØ½߀東\uD83D\uDE00|^\r\n\0\u007F";
        var text = new string(picks.Take(200).Select(p => Palette[p % Palette.Length]).ToArray());
        var options = new Sip2CodecOptions { Encoding = Sip2Encoding.Get((Sip2CharacterEncoding)(kind % 3)), DelimiterReplacement = '^' };
        var replaced = new string(text.Select(c => c is '|' or '\r' or '\n' or '\0' ? '^' : c).ToArray());
        return Prop.ToProperty(() =>
        {
            // The same message with an ASCII value, for the bytes around the value.
            var plain = Sip2MessageWriter.ToBytes(new CheckoutResponse { InstitutionId = "main", ScreenMessages = ["x"] }, options, Sip2Trailer.WithChecksum(1));
            var frame = Sip2MessageWriter.ToBytes(new CheckoutResponse { InstitutionId = "main", ScreenMessages = [text] }, options, Sip2Trailer.WithChecksum(1));
            var before = plain.AsSpan(0, plain.AsSpan().IndexOf("AFx|"u8) + 2);
            byte[] expected = [.. before, .. options.Encoding.GetBytes(replaced), .. "|AY1AZ"u8];
            var checksummed = frame.AsSpan(0, frame.Length - 5);
            return checksummed.SequenceEqual(expected)
                && Sip2Checksum.Verify(checksummed, frame.AsSpan(frame.Length - 5, 4))
                && frame[^1] == (byte)'\r';
        });
    }

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

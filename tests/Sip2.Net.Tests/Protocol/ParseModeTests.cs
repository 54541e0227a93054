using System.Text;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Tests.Protocol;

// Lenient and strict parses of a valid message give the same message in every view (values, copies, changes,
// comparisons): the modes differ only in what they refuse.
public class ParseModeTests
{
    private static readonly Sip2CodecOptions Strict = new() { ParseMode = Sip2ParseMode.Strict };

    private const string Checkout = "11YN20261128    101500                  AOmain|AAP123|ABI456|ACpw|XXunknown|CHa|";

    private static Sip2Message Parse(string wire, Sip2CodecOptions? options = null, Sip2Encoding? encoding = null)
    {
        options ??= new Sip2CodecOptions();
        if (encoding is not null)
        {
            options = options with { Encoding = encoding };
        }

        return Sip2MessageParser.Parse((encoding ?? Sip2Encoding.Ibm850).GetBytes(wire), options).GetMessageOrThrow();
    }

    [Fact]
    public void Lenient_and_strict_parses_are_equal_in_every_view()
    {
        var lazy = Parse(Checkout);
        var eager = Parse(Checkout, Strict);

        Assert.Equal(eager, lazy);
        Assert.Equal(lazy, eager);
        Assert.Equal(eager.GetHashCode(), lazy.GetHashCode());
        Assert.Equal(eager.FixedFieldTexts, lazy.FixedFieldTexts);
        Assert.Equal(eager.Fields, lazy.Fields);
        Assert.Equal(eager.ToString(), lazy.ToString());
        Assert.Equal(Sip2MessageWriter.ToBytes(eager), Sip2MessageWriter.ToBytes(lazy));
    }

    [Fact]
    public void Typed_reads_of_a_lazy_message_match_the_wire()
    {
        var checkout = Assert.IsType<CheckoutRequest>(Parse(Checkout));

        Assert.True(checkout.ScRenewalPolicy);
        Assert.False(checkout.NoBlock);
        Assert.Equal(Sip2Timestamp.Local(new DateTime(2026, 11, 28, 10, 15, 0)), checkout.TransactionDate);
        Assert.Null(checkout.NbDueDate);
        Assert.Equal("I456", checkout.ItemIdentifier);
        Assert.Equal("P123", checkout.PatronIdentifier);
        Assert.Equal("a", checkout.ItemProperties);
        Assert.Null(checkout.PatronPassword);
        Assert.Equal(["unknown"], checkout.GetFields(new FieldId("XX")));
    }

    [Fact]
    public void Changing_a_copy_leaves_the_parsed_message_as_it_was()
    {
        var original = Assert.IsType<CheckoutRequest>(Parse(Checkout));
        var unchanged = original with { };
        var changed = original with { ItemIdentifier = "other", NoBlock = true };

        Assert.Equal("I456", original.ItemIdentifier);
        Assert.False(original.NoBlock);
        Assert.Equal("other", changed.ItemIdentifier);
        Assert.True(changed.NoBlock);
        Assert.Equal(original, unchanged);
        Assert.NotEqual(original, changed);
        Assert.Equal(Checkout + "\r", Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(unchanged)));
        // The changed field keeps its place; the unknown field and the order of the others survive.
        Assert.Equal(Checkout.Replace("11YN", "11YY").Replace("ABI456", "ABother") + "\r", Encoding.ASCII.GetString(Sip2MessageWriter.ToBytes(changed)));
    }

    [Fact]
    public void Non_ascii_fixed_and_variable_texts_decode_with_the_parse_encoding()
    {
        // "2.0é" is not a valid protocol version, but lenient mode keeps it as text; é is one byte in IBM850.
        var status = Assert.IsType<ScStatusRequest>(Parse("9900302.0éAOmünchen|", encoding: Sip2Encoding.Ibm850));
        Assert.Equal("2.0é", status.ProtocolVersion);
        Assert.Equal(30, status.MaxPrintWidth);
        Assert.Equal("münchen", status.GetField(FieldId.InstitutionId));

        var utf8 = Parse("9900302.00AOmünchen|", encoding: Sip2Encoding.Utf8);
        Assert.Equal("münchen", utf8.GetField(FieldId.InstitutionId));
    }

    [Fact]
    public void A_fixed_part_that_ends_early_reads_defaults_and_has_no_fields()
    {
        var checkout = Assert.IsType<CheckoutRequest>(Parse("11YN"));

        Assert.Null(checkout.TransactionDate);
        Assert.Equal("", checkout.InstitutionId);
        Assert.Empty(checkout.Fields);
        Assert.Equal(new string(' ', 18), checkout.FixedFieldTexts[2]);
    }

    [Fact]
    public void Readers_on_many_threads_see_the_same_message()
    {
        for (var round = 0; round < 20; round++)
        {
            var message = Parse(Checkout);
            var expected = Parse(Checkout, Strict);
            Parallel.For(0, 8, i =>
            {
                // Some threads materialise (Fields, Equals) while others read lazily.
                if (i % 2 == 0)
                {
                    Assert.Equal(expected.Fields, message.Fields);
                    Assert.Equal(expected, message);
                }
                else
                {
                    Assert.Equal("P123", message.GetField(FieldId.PatronIdentifier));
                    Assert.Equal(expected.FixedFieldTexts, message.FixedFieldTexts);
                }
            });
        }
    }
}

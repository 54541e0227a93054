using FsCheck;
using FsCheck.Fluent;
using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Testing.Tests.Generators;

/// <summary>Shrinking keeps messages valid and makes them smaller, so failures are reported with messages the codec can carry.</summary>
public sealed class ShrinkerTests
{
    [Fact]
    public void Every_shrink_of_a_message_is_another_valid_message_of_its_type()
    {
        foreach (var encoding in new[] { Sip2Encoding.Ibm850, Sip2Encoding.Utf8, Sip2Encoding.AsciiFolding })
        {
            var options = new Sip2CodecOptions { Encoding = encoding };
            Prop.ForAll(Sip2Generators.AnyMessage(encoding).ToArbitrary(), message =>
            {
                foreach (var simpler in Sip2Shrinkers.Message(message))
                {
                    Assert.Equal(message.GetType(), simpler.GetType());
                    Assert.NotEqual(message, simpler);
                    var bytes = Sip2MessageWriter.ToBytes(simpler, options);
                    var read = Sip2MessageParser.Parse(bytes.AsSpan(0, bytes.Length - 1), options);
                    Assert.True(read.IsSuccess, $"{read.Error}: {simpler}");
                    Assert.Equal(simpler, read.Message);
                }
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
        }
    }

    [Fact]
    public void Shrinking_repeatedly_ends_in_a_message_with_nothing_left_to_simplify()
    {
        var message = Sip2Generators.Message<PatronInformationResponse>(Sip2Encoding.Utf8).Sample(1, 40).Single();
        for (var steps = 0; steps < 1000 && Sip2Shrinkers.Message(message).FirstOrDefault() is { } simpler; steps++)
        {
            message = simpler;
        }

        Assert.Empty(Sip2Shrinkers.Message(message));
        Assert.Empty(message.UnknownFields);
        Assert.Equal("", message.PersonalName);
        Assert.Null(message.HomeAddress);
    }

    [Fact]
    public void A_failing_property_reports_the_smallest_message_that_still_fails()
    {
        // Fails for any checkout with a patron identifier longer than two characters: shrinking must bring it down
        // to exactly three, with everything else as simple as it gets.
        var arbitrary = Arb.From(Sip2Generators.Message<CheckoutRequest>(Sip2Encoding.Ibm850).Where(m => m.PatronIdentifier.Length > 2), m => Sip2Shrinkers.Message(m));
        var failure = Assert.ThrowsAny<Exception>(() =>
            Prop.ForAll(arbitrary, checkout => checkout.PatronIdentifier.Length <= 2).QuickCheckThrowOnFailure());

        Assert.Contains("Shrunk", failure.Message, StringComparison.Ordinal);
        var shrunkLine = failure.Message.Split('\n').SkipWhile(l => !l.Contains("Shrunk", StringComparison.Ordinal)).Skip(1).First();
        Assert.DoesNotContain("BO", shrunkLine, StringComparison.Ordinal); // optional fields were dropped
    }

    [Fact]
    public void Timestamps_and_amounts_shrink_towards_simple_values()
    {
        var utc = Sip2Timestamp.Parse("20240417   Z083058");
        Assert.Contains(Sip2Timestamp.Local(utc.DateTime), Sip2Shrinkers.Timestamp(utc));
        Assert.Contains(Sip2Amount.FromDecimal(0), Sip2Shrinkers.Amount(new Sip2Amount("12,50")));
        Assert.Contains(Sip2Amount.FromDecimal(12), Sip2Shrinkers.Amount(new Sip2Amount("12.50")));
        Assert.Empty(Sip2Shrinkers.Amount(Sip2Amount.FromDecimal(0)));
    }
}

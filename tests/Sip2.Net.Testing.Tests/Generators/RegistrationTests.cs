using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Testing.Tests.Generators;

/// <summary>Sip2Arbitraries works through each of FsCheck 3's ways of registering arbitraries.</summary>
[Properties(Arbitrary = new[] { typeof(Sip2Arbitraries) }, MaxTest = 50)]
public sealed class RegistrationTests
{
    [Property]
    public void A_class_registration_gives_typed_messages(CheckoutRequest checkout, AcsStatusResponse status, Sip2Message any)
    {
        Assert.Equal(Sip2Command.Checkout, checkout.Command);
        Assert.Equal(Sip2Command.AcsStatus, status.Command);
        Assert.True(Sip2MessageTable.TryGet(any.Command, out _));
    }

    [Property]
    public void A_class_registration_gives_values_frames_and_corrupt_frames(Sip2Timestamp timestamp, Sip2Amount amount, Sip2Frame frame, Sip2CorruptFrame corrupt)
    {
        Assert.True(Sip2Timestamp.TryParse(timestamp.ToString(), out _));
        Assert.NotNull(amount.Value);
        Assert.True(Sip2MessageParser.Parse(frame.Content.Span, frame.Options).IsSuccess, frame.ToString());
        Assert.True(corrupt.Bytes.Length > 0);
    }

    [Fact]
    public void A_config_registration_serves_a_property_checked_with_it()
    {
        var seen = 0;
        Prop.ForAll((RenewAllResponse renewAll) =>
        {
            seen++;
            return renewAll.Command == Sip2Command.RenewAllResponse;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(20).WithArbitrary(new[] { typeof(Sip2Arbitraries) }));
        Assert.Equal(20, seen);
    }

    [Fact]
    public void A_merged_arb_map_gives_each_arbitrary()
    {
        var map = ArbMap.Default.Merge(typeof(Sip2Arbitraries));
        Prop.ForAll(map.ArbFor<HoldRequest>(), hold => hold.Command == Sip2Command.Hold).QuickCheckThrowOnFailure();
        Assert.All(map.ArbFor<Sip2Message>().Generator.Sample(20, 10), m => Assert.NotNull(m.Descriptor));
    }

    [Fact]
    public void Every_message_type_of_the_table_has_an_arbitrary()
    {
        var map = ArbMap.Default.Merge(typeof(Sip2Arbitraries));
        foreach (var descriptor in Sip2MessageTable.All)
        {
            var sample = map.ArbFor(descriptor.MessageType).Generator.Sample(10, 3);
            Assert.All(sample, m => Assert.IsType(descriptor.MessageType, m));
        }
    }
}

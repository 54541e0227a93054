using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Messages;
using Sip2.Net.Server.Internal;

namespace Sip2.Net.Tests.Server;

/// <summary>
/// The table of each registration's last state-changing request per connection: what a resend on another connection
/// finds, and what the heartbeat's prune leaves.
/// </summary>
public sealed class RetransmissionsTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(90);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
    private readonly Guid registration = Guid.NewGuid();

    private static CheckoutRequest Checkout(string item) => new()
    {
        TransactionDate = Sip2Timestamp.Local(new DateTime(2026, 12, 7, 10, 0, 0)),
        NbDueDate = Sip2Timestamp.Local(new DateTime(2026, 12, 7, 10, 0, 0)),
        InstitutionId = "NORTH",
        PatronIdentifier = "P1",
        ItemIdentifier = item,
    };

    [Fact]
    public async Task A_resend_on_another_connection_finds_the_first_attempt_and_its_outcome()
    {
        var table = new Retransmissions(time);
        Assert.Null(table.Begin(registration, "c1", Checkout("I1"), Window, out var claim));
        var answer = new CheckoutResponse { Ok = true, ItemIdentifier = "I1" };
        claim!.Settle(answer);

        var earlier = table.Begin(registration, "c2", Checkout("I1"), Window, out var second);
        Assert.Null(second);
        Assert.Same(answer, await earlier!.Outcome);
    }

    [Fact]
    public void The_same_connection_another_item_or_another_registration_is_a_new_request()
    {
        var table = new Retransmissions(time);
        table.Begin(registration, "c1", Checkout("I1"), Window, out var claim);
        claim!.Settle(new CheckoutResponse { Ok = true });

        Assert.Null(table.Begin(registration, "c1", Checkout("I1"), Window, out _));
        Assert.Null(table.Begin(registration, "c2", Checkout("I2"), Window, out _));
        Assert.Null(table.Begin(Guid.NewGuid(), "c3", Checkout("I1"), Window, out _));
    }

    [Fact]
    public void A_forgotten_failure_runs_again_on_the_resend()
    {
        var table = new Retransmissions(time);
        table.Begin(registration, "c1", Checkout("I1"), Window, out var claim);
        table.Forget(registration, claim!);
        claim!.Settle(null);

        Assert.Null(table.Begin(registration, "c2", Checkout("I1"), Window, out var again));
        Assert.NotNull(again);
    }

    [Fact]
    public void Past_the_window_a_resend_runs_again_and_the_prune_leaves_no_table_behind()
    {
        var table = new Retransmissions(time);
        table.Begin(registration, "c1", Checkout("I1"), Window, out var claim);
        claim!.Settle(new CheckoutResponse { Ok = true });

        time.Advance(Window + TimeSpan.FromSeconds(1));
        Assert.Null(table.Begin(registration, "c2", Checkout("I1"), Window, out var fresh));
        fresh!.Settle(new CheckoutResponse { Ok = true });
        Assert.Equal(1, table.RegistrationCount);

        time.Advance(Window + TimeSpan.FromSeconds(1));
        table.Prune(Window);
        Assert.Equal(0, table.RegistrationCount);
    }

    [Fact]
    public void The_prune_keeps_a_request_still_running_however_old()
    {
        var table = new Retransmissions(time);
        table.Begin(registration, "c1", Checkout("I1"), Window, out var running);

        time.Advance(Window * 3);
        table.Prune(Window);
        Assert.Equal(1, table.RegistrationCount);

        running!.Settle(new CheckoutResponse { Ok = true });
        table.Prune(Window);
        Assert.Equal(0, table.RegistrationCount);
    }
}

using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Messages;
using Sip2.Net.Server;

namespace Sip2.Net.Tests.Server;

public sealed class ReplayCacheTests
{
    private static readonly Guid Registration = Guid.NewGuid();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    private static CheckoutRequest Checkout(string item) => new()
    {
        TransactionDate = Sip2Timestamp.Parse("20261128    100000"),
        InstitutionId = "alpha",
        PatronIdentifier = "p1",
        ItemIdentifier = item,
        TerminalPassword = "",
    };

    private static CheckoutResponse Answer(string item) => new() { Ok = true, InstitutionId = "alpha", PatronIdentifier = "p1", ItemIdentifier = item, TitleIdentifier = "t" };

    private static Sip2ReplayCache.Entry Claim(Sip2ReplayCache cache, Sip2Message request)
    {
        cache.Begin(cache.For(Registration), request, out var earlier, out var claim);
        Assert.Null(earlier);
        return Assert.IsType<Sip2ReplayCache.Entry>(claim);
    }

    [Fact]
    public async Task An_identical_request_finds_the_earlier_one_and_its_answer()
    {
        var cache = new Sip2ReplayCache(time, TimeSpan.FromMinutes(2));
        Claim(cache, Checkout("i1")).Succeeded(Answer("i1"));

        cache.Begin(cache.For(Registration), Checkout("i1"), out var earlier, out var claim);

        Assert.Null(claim);
        Assert.Equal(Answer("i1"), await earlier!.Response);
    }

    [Fact]
    public void Only_the_most_recent_requests_of_a_registration_are_kept()
    {
        var cache = new Sip2ReplayCache(time, TimeSpan.FromMinutes(2));
        for (var i = 0; i <= Sip2ReplayCache.EntriesPerRegistration; i++)
        {
            Claim(cache, Checkout("i" + i)).Succeeded(Answer("i" + i));
        }

        cache.Begin(cache.For(Registration), Checkout("i1"), out var kept, out _);
        Assert.NotNull(kept);
        Claim(cache, Checkout("i0")); // the oldest was dropped: it runs again
    }

    [Fact]
    public async Task A_request_still_running_outlives_the_window_and_a_failed_one_is_forgotten()
    {
        var cache = new Sip2ReplayCache(time, TimeSpan.FromMinutes(2));
        var running = Claim(cache, Checkout("i1"));
        time.Advance(TimeSpan.FromMinutes(10));

        cache.Begin(cache.For(Registration), Checkout("i1"), out var earlier, out _);
        Assert.Same(running, earlier);

        running.Failed();
        Assert.Null(await earlier!.Response);
        Claim(cache, Checkout("i1"));
    }

    [Fact]
    public void Other_registrations_reads_and_blank_dates_are_never_matched()
    {
        var cache = new Sip2ReplayCache(time, TimeSpan.FromMinutes(2));
        Claim(cache, Checkout("i1")).Succeeded(Answer("i1"));

        cache.Begin(cache.For(Guid.NewGuid()), Checkout("i1"), out var otherRegistration, out _);
        Assert.Null(otherRegistration);

        var read = new ItemInformationRequest { TransactionDate = Sip2Timestamp.Parse("20261128    100000"), InstitutionId = "alpha", ItemIdentifier = "i1" };
        cache.Begin(cache.For(Registration), read, out var earlierRead, out var readClaim);
        Assert.Null(earlierRead);
        Assert.Null(readClaim);

        var blank = Checkout("i2") with { TransactionDate = null };
        cache.Begin(cache.For(Registration), blank, out var earlierBlank, out var blankClaim);
        Assert.Null(earlierBlank);
        Assert.Null(blankClaim);
    }
}

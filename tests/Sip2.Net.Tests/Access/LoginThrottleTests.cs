using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Access;
using Sip2.Net.Access.Internal;
using Sip2.Net.Resolution;
using static Sip2.Net.Tests.Access.AccessFixture;

namespace Sip2.Net.Tests.Access;

/// <summary>
/// Brute-force protection that cannot be turned against a real kiosk: wrong passwords count per login id at its own
/// address, unknown login ids against their address alone, a check is reserved before it runs, and a locked-out login
/// id is slowed down, never shut out.
/// </summary>
public sealed class LoginThrottleTests
{
    private readonly InMemorySip2RegistryStore store = Directory();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    private Sip2RegistryAccessPolicy Policy(Sip2AccessPolicyOptions? options = null) =>
        new(store, store, options: (options ?? new Sip2AccessPolicyOptions()) with { UnknownLoginIdDelay = TimeSpan.Zero }, timeProvider: time);

    private static async Task<Sip2LoginResult> LoginAsync(Sip2RegistryAccessPolicy policy, IPAddress address, string loginId, string? password) =>
        await policy.LoginAsync((await policy.AdmitAsync(address)).Session!, loginId, password);

    [Fact]
    public async Task The_third_failure_on_a_connection_closes_it_and_the_limit_is_an_option()
    {
        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        using var policy = Policy();
        var session = (await policy.AdmitAsync(Shared)).Session!;
        Assert.Equal(Sip2LoginOutcome.Refused, (await policy.LoginAsync(session, "k1", "x")).Outcome);
        Assert.Equal(Sip2LoginOutcome.Refused, (await policy.LoginAsync(session, "k1", "y")).Outcome);
        var third = await policy.LoginAsync(session, "k1", "z");
        Assert.Equal(Sip2LoginOutcome.TooManyFailures, third.Outcome);
        Assert.True(third.CloseConnection);

        using var strict = Policy(new Sip2AccessPolicyOptions { MaxFailedLoginsPerConnection = 1 });
        Assert.Equal(Sip2LoginOutcome.TooManyFailures, (await LoginAsync(strict, Shared, "k1", "x")).Outcome);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_login_id_out_at_its_address_and_its_kiosk_still_gets_one_check_per_interval()
    {
        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        using var policy = Policy();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(Sip2LoginOutcome.Refused, (await LoginAsync(policy, Shared, "k1", "guess" + i)).Outcome);
        }

        var locked = await LoginAsync(policy, Shared, "k1", "p1");
        Assert.Equal(Sip2LoginOutcome.Throttled, locked.Outcome);
        Assert.Equal(Sip2MessageScenario.LoginThrottled, locked.Scenario);
        Assert.Equal(TimeSpan.FromMinutes(15), locked.RetryAfter);

        // Slowed down, not shut out: thirty seconds on, the right password is checked, and accepted.
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(Sip2LoginOutcome.Accepted, (await LoginAsync(policy, Shared, "k1", "p1")).Outcome);
    }

    [Fact]
    public async Task A_locked_out_login_id_gets_one_check_per_interval_so_a_guesser_there_gets_two_a_minute()
    {
        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        using var policy = Policy();
        for (var i = 0; i < 5; i++)
        {
            await LoginAsync(policy, Shared, "k1", "guess" + i);
        }

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(Sip2LoginOutcome.Refused, (await LoginAsync(policy, Shared, "k1", "guess-probe")).Outcome); // checked
        Assert.Equal(Sip2LoginOutcome.Throttled, (await LoginAsync(policy, Shared, "k1", "p1")).Outcome);      // not yet again
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(Sip2LoginOutcome.Accepted, (await LoginAsync(policy, Shared, "k1", "p1")).Outcome);
    }

    [Fact]
    public async Task Failures_at_another_address_never_lock_a_kiosk_out()
    {
        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        await CreateAsync(store, Registration(Other, "other", "p9"));
        using var policy = Policy();

        // A stranger at another registered address tries the kiosk's login id, which does not exist there.
        for (var i = 0; i < 50; i++)
        {
            await LoginAsync(policy, Other, "k1", "guess" + i);
        }

        Assert.Equal(Sip2LoginOutcome.Accepted, (await LoginAsync(policy, Shared, "k1", "p1")).Outcome);
    }

    [Fact]
    public async Task Unknown_login_ids_lock_out_only_unknown_login_ids_of_the_address_and_never_its_registrations()
    {
        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        await CreateAsync(store, Registration(Shared, "k2", "p2"));
        await CreateAsync(store, Registration(Shared, "k3", "p3"));
        using var policy = Policy();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(Sip2LoginOutcome.Refused, (await LoginAsync(policy, Shared, "k1" + (char)('a' + i), "p1")).Outcome); // mutated ids
        }

        Assert.Equal(Sip2LoginOutcome.Throttled, (await LoginAsync(policy, Shared, "nobody", "x")).Outcome);
        Assert.Equal(Sip2LoginOutcome.Accepted, (await LoginAsync(policy, Shared, "k1", "p1")).Outcome);
        Assert.Equal(Sip2LoginOutcome.Accepted, (await LoginAsync(policy, Shared, "k2", "p2")).Outcome);
        Assert.Equal(Sip2LoginOutcome.Accepted, (await LoginAsync(policy, Shared, "k3", "p3")).Outcome);
    }

    [Fact]
    public async Task Simultaneous_wrong_logins_get_no_more_checks_than_the_limit()
    {
        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        using var policy = Policy(new Sip2AccessPolicyOptions { MaxFailedLoginsPerConnection = 10 });
        var sessions = await Task.WhenAll(Enumerable.Range(0, 250).Select(async _ => (await policy.AdmitAsync(Shared)).Session!));

        var results = await Task.WhenAll(sessions.Select(s => policy.LoginAsync(s, "k1", "wrong").AsTask()));

        Assert.Equal(5, results.Count(r => r.Outcome == Sip2LoginOutcome.Refused)); // checked
        Assert.Equal(245, results.Count(r => r.Outcome == Sip2LoginOutcome.Throttled)); // refused unchecked
    }

    [Fact]
    public async Task A_successful_login_clears_the_count_and_repeat_lockouts_double_up_to_the_ceiling()
    {
        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        using var policy = Policy(new Sip2AccessPolicyOptions { MaxLockout = TimeSpan.FromHours(1) });
        async Task FailAsync(int times)
        {
            for (var i = 0; i < times; i++)
            {
                await LoginAsync(policy, Shared, "k1", "guess" + i);
            }
        }

        await FailAsync(4);
        Assert.Equal(Sip2LoginOutcome.Accepted, (await LoginAsync(policy, Shared, "K1", "p1")).Outcome);
        await FailAsync(4);
        Assert.Equal(Sip2LoginOutcome.Accepted, (await LoginAsync(policy, Shared, "k1", "p1")).Outcome);

        var lockouts = new List<TimeSpan?>();
        for (var round = 0; round < 4; round++)
        {
            await FailAsync(5);
            var result = await LoginAsync(policy, Shared, "k1", "p1");
            lockouts.Add(result.RetryAfter);
            time.Advance(result.RetryAfter!.Value);
        }

        Assert.Equal([TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(1)], lockouts);
    }

    [Fact]
    public async Task A_warm_credential_decides_without_a_full_check_and_a_new_password_forgets_it()
    {
        var registration = await CreateAsync(store, Registration(Shared, "k1", "p1"));
        using var policy = Policy();
        Assert.Equal(Sip2LoginOutcome.Accepted, (await LoginAsync(policy, Shared, "k1", "p1")).Outcome);

        // The password changed: the old one no longer logs in, the new one does.
        await store.SetPasswordAsync(registration.Id, Hash("p2"));
        Assert.Equal(Sip2LoginOutcome.Refused, (await LoginAsync(policy, Shared, "k1", "p1")).Outcome);
        Assert.Equal(Sip2LoginOutcome.Accepted, (await LoginAsync(policy, Shared, "k1", "p2")).Outcome);
    }

    [Fact]
    public void The_warm_credentials_answer_only_for_the_stored_hash_they_were_made_for()
    {
        using var warm = new WarmCredentials();
        var registration = Registration(Shared, "k1", "p1") with { Id = Guid.NewGuid() };
        Assert.Null(warm.Check(registration, "p1"));

        warm.Remember(registration, "p1");
        Assert.True(warm.Check(registration, "p1"));
        Assert.False(warm.Check(registration, "P1"));
        Assert.False(warm.Check(registration, ""));
        Assert.Null(warm.Check(registration with { PasswordHash = Hash("p1") }, "p1")); // a new stored hash: check in full
        Assert.Null(warm.Check(registration with { PasswordHash = null }, "p1"));

        warm.Forget(registration.Id);
        Assert.Null(warm.Check(registration, "p1"));
    }

    [Fact]
    public async Task An_unknown_login_id_is_answered_after_about_the_time_of_a_full_check()
    {
        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        using var policy = new Sip2RegistryAccessPolicy(store, store, options: new Sip2AccessPolicyOptions { UnknownLoginIdDelay = TimeSpan.FromMilliseconds(60) }, timeProvider: time);

        var answer = LoginAsync(policy, Shared, "nobody", "x");
        Assert.False(answer.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(60));
        Assert.Equal(Sip2LoginOutcome.Refused, (await answer).Outcome);
    }

    [Fact]
    public void The_throttle_forgets_quiet_keys_but_not_locked_ones()
    {
        var throttle = new FailureThrottle<string>(time, limit: 2, window: TimeSpan.FromMinutes(5), lockout: TimeSpan.FromMinutes(15), maxLockout: TimeSpan.FromHours(1), probeInterval: TimeSpan.FromSeconds(30));
        throttle.RecordFailure("locked");
        Assert.NotNull(throttle.RecordFailure("locked"));
        for (var i = 0; i < 2000; i++)
        {
            throttle.RecordFailure("scan" + i);
        }

        time.Advance(TimeSpan.FromMinutes(6));
        throttle.RecordFailure("next");

        Assert.Equal(2, throttle.Count); // "locked" and "next"
        Assert.True(throttle.IsLockedOut("locked", out _));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Testing.Xunit.Internal;
using Xunit;

namespace Sip2.Net.Testing.Xunit;

// Rule 5: concurrent operations from several administrators (and servers) never leave the registry breaking a rule.
public abstract partial class Sip2RegistryStoreContract
{
    /// <summary>Of many parallel registrations without a login id for one address, exactly one is stored (on either instance).</summary>
    [Fact]
    public async Task Of_parallel_registrations_without_a_login_id_for_one_address_exactly_one_is_stored()
    {
        var (stores, logs) = await InstancesAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () => await stores[i % stores.Length].CreateAsync(Registration(Shared)))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(Sip2RegistryRule.SharedAddressRequiresCredentials, r.Error!.Rule));
        await SettledAsync(stores, logs, 1);
        foreach (var store in stores)
        {
            Assert.Single(await store.ListByAddressAsync(Shared));
        }
    }

    /// <summary>Of many parallel registrations with one login id in different cases for one address, exactly one is stored.</summary>
    [Fact]
    public async Task Of_parallel_registrations_with_one_login_id_in_different_cases_exactly_one_is_stored()
    {
        var (stores, logs) = await InstancesAsync();
        var cases = new[] { "kiosk", "KIOSK", "Kiosk", "kIoSk" };
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            await stores[i % stores.Length].CreateAsync(Registration(Shared, cases[i % cases.Length], "pw")))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(Sip2RegistryRule.LoginIdUniquePerAddress, r.Error!.Rule));
        await SettledAsync(stores, logs, 1);
        foreach (var store in stores)
        {
            Assert.Single(await store.ListByAddressAsync(Shared));
        }
    }

    /// <summary>
    /// A storm of mixed operations on one address from parallel writers never breaks a rule: not after any operation,
    /// not in any snapshot an event handler reads, not in the end, on every instance.
    /// </summary>
    [Fact]
    public async Task A_storm_of_mixed_operations_on_one_address_never_breaks_a_rule()
    {
        var (stores, logs) = await InstancesAsync();
        var violations = 0;
        foreach (var store in stores)
        {
            // A reader checks the rules on the snapshot it sees on every change (reads answer from the snapshot at once,
            // so the handler may wait for one).
            store.RegistrationChanged += (_, _) =>
            {
                try
                {
                    AssertRulesHold(store.ListAsync().AsTask().GetAwaiter().GetResult());
                }
                catch (global::Xunit.Sdk.XunitException)
                {
                    Interlocked.Increment(ref violations);
                }
            };
        }

        var logins = new string?[] { null, "a", "A", "b", "c" };
        var changes = 0;
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var store = stores[worker % stores.Length];
            for (var i = 0; i < 100; i++)
            {
                var all = await store.ListByAddressAsync(Shared);
                var target = all.Count == 0 ? Guid.NewGuid() : all[random.Next(all.Count)].Id;
                var login = logins[random.Next(logins.Length)];
                var password = login is null || random.Next(3) == 0 ? null : Hash("pw");
                var result = random.Next(6) switch
                {
                    0 or 1 => await store.CreateAsync(Registration(Shared, login) with { PasswordHash = password }),
                    2 => await store.ChangeLoginIdAsync(target, login, password),
                    3 => await store.DeleteAsync(target),
                    4 => await store.SetPasswordAsync(target, Hash("pw")),
                    _ => await store.DeactivateAsync(target),
                };
                if (result.Change is not null)
                {
                    Interlocked.Increment(ref changes);
                }

                AssertRulesHold(await store.ListAsync());
            }
        })).ToArray();

        await Task.WhenAll(workers);
        await SettledAsync(stores, logs, changes);
        foreach (var store in stores)
        {
            AssertRulesHold(await store.ListAsync());
        }

        Assert.Equal(0, violations);
    }

    // The store, and its second instance when there is one, each with a log of its events.
    private async Task<(ISip2RegistryStore[] Stores, EventLog[] Logs)> InstancesAsync()
    {
        var first = await NewStoreAsync();
        var stores = await OpenSecondAsync(first) is { } second ? new[] { first, second } : new[] { first };
        return (stores, stores.Select(s => new EventLog(s)).ToArray());
    }

    // One instance raises each accepted change once, at once. Several instances agree within PropagationTimeout; an
    // instance may raise another's changes to one registration folded into fewer events (a notification makes it re-read
    // the registration and raise what differs), but never more events than there were changes, and none are lost.
    private async Task SettledAsync(ISip2RegistryStore[] stores, EventLog[] logs, int changes)
    {
        if (stores.Length == 1)
        {
            await logs[0].WaitForAsync(changes, PropagationTimeout);
            Assert.Equal(changes, logs[0].Events.Count);
        }
        else
        {
            await AgreedAsync(stores, logs);
            Assert.All(logs, log => Assert.InRange(log.Events.Count, Math.Min(changes, 1), changes));
        }

        foreach (var log in logs)
        {
            log.Dispose();
        }
    }

    // Waits until every instance reads the same registrations: after each disagreement, for the next event anywhere.
    private async Task AgreedAsync(ISip2RegistryStore[] stores, EventLog[] logs)
    {
        var deadline = DateTime.UtcNow + PropagationTimeout;
        while (true)
        {
            var seen = logs.Select(l => l.Events.Count).ToArray();
            var lists = new List<IReadOnlyList<Sip2ClientRegistration>>();
            foreach (var store in stores)
            {
                lists.Add((await store.ListAsync()).OrderBy(r => r.Id).ToList());
            }

            if (lists.All(list => list.SequenceEqual(lists[0])))
            {
                return;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                Assert.All(lists, list => Assert.Equal(lists[0], list)); // fails, showing the difference
            }

            await Task.WhenAny(Task.WhenAny(logs.Select((log, i) => log.ReachedAsync(seen[i] + 1))), Task.Delay(left));
        }
    }
}

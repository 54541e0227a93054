using System;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Sip2.Net.Testing.Xunit.Internal;
using Xunit;

namespace Sip2.Net.Testing.Xunit;

// RegistrationChanged: one event per stored change, with the registration after and before; none for refusals and no-ops.
public abstract partial class Sip2RegistryStoreContract
{
    /// <summary>Each accepted registration change raises one event of its kind, with the registration as stored and as it was.</summary>
    [Fact]
    public async Task Every_change_raises_one_event_of_its_kind()
    {
        var store = await NewStoreAsync();
        using var log = new EventLog(store);

        var created = await CreateAsync(store, Registration(Kiosk, "k1"));
        var withPassword = (await store.SetPasswordAsync(created.Id, Hash("p"))).GetValueOrThrow();
        var renamed = (await store.ChangeLoginIdAsync(created.Id, "k2", Hash("q"))).GetValueOrThrow();
        var updated = (await store.UpdateAsync(renamed with { Description = "d" })).GetValueOrThrow();
        var deactivated = (await store.DeactivateAsync(created.Id)).GetValueOrThrow();
        Assert.Null((await store.DeactivateAsync(created.Id)).Change); // already deactivated: no event
        var activated = (await store.ActivateAsync(created.Id)).GetValueOrThrow();
        (await store.DeleteAsync(created.Id)).GetValueOrThrow();
        Assert.NotNull(await store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "bad|id" })); // refused
        Assert.Null(await store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "H" })); // not a registration: no event

        var events = log.Events;
        Assert.Equal(
            new[]
            {
                Sip2RegistrationChangeKind.Created, Sip2RegistrationChangeKind.PasswordSet, Sip2RegistrationChangeKind.LoginChanged,
                Sip2RegistrationChangeKind.Updated, Sip2RegistrationChangeKind.Deactivated, Sip2RegistrationChangeKind.Activated,
                Sip2RegistrationChangeKind.Deleted,
            },
            events.Select(e => e.Kind));
        Assert.Equal(new[] { created, withPassword, renamed, updated, deactivated, activated, activated }, events.Select(e => e.Registration));
        Assert.Equal(new[] { null, created, withPassword, renamed, updated, deactivated, activated }, events.Select(e => e.Previous));
    }

    /// <summary>A handler that throws does not undo the change, nor stop the store from taking the next one.</summary>
    [Fact]
    public async Task A_throwing_event_handler_does_not_undo_the_change()
    {
        var store = await NewStoreAsync();
        store.RegistrationChanged += (_, _) => throw new InvalidOperationException("a handler's bug");

        Sip2RegistryResult? result = null;
        try
        {
            result = await store.CreateAsync(Registration(Kiosk));
        }
        catch (InvalidOperationException)
        {
            // A store may let the handler's exception reach the caller; the change must still be stored.
        }

        var stored = Assert.Single(await store.ListAsync());
        Assert.True(result is null || result.Registration == stored);
        await CreateAsync(store, Registration(Other));
        Assert.Equal(2, (await store.ListAsync()).Count);
    }

    /// <summary>
    /// A store shared by two instances raises every change on both, once, in order, whichever instance made it; by the
    /// time an instance raises it, its reads show it. Runs only when <see cref="OpenSecondInstanceAsync"/> gives one.
    /// </summary>
    [Fact]
    public async Task A_shared_store_raises_every_change_on_every_instance()
    {
        var first = await NewStoreAsync();
        if (await OpenSecondAsync(first) is not { } second)
        {
            return; // not a shared store
        }

        using var onFirst = new EventLog(first);
        using var onSecond = new EventLog(second);
        var changes = 0;
        async Task BothRaisedAsync()
        {
            changes++;
            await onFirst.WaitForAsync(changes, PropagationTimeout);
            await onSecond.WaitForAsync(changes, PropagationTimeout);
        }

        var a = await CreateAsync(first, Registration(Kiosk, "k1", "p1"));
        await BothRaisedAsync();
        Assert.Equal(a, await second.GetAsync(a.Id));
        var b = await CreateAsync(second, Registration(Other));
        await BothRaisedAsync();
        Assert.Equal(b, await first.GetAsync(b.Id));
        (await first.DeactivateAsync(a.Id)).GetValueOrThrow();
        await BothRaisedAsync();
        Assert.False((await second.GetAsync(a.Id))!.Activated);
        Assert.False((await second.CreateAsync(Registration(Other))).Succeeded); // refused: no event anywhere
        (await second.DeleteAsync(b.Id)).GetValueOrThrow();
        await BothRaisedAsync();
        Assert.Null(await first.GetAsync(b.Id));
        var marker = await CreateAsync(first, Registration(Shared)); // once it arrived, nothing else is on its way
        await BothRaisedAsync();

        var expected = new[]
        {
            (Sip2RegistrationChangeKind.Created, a.Id), (Sip2RegistrationChangeKind.Created, b.Id), (Sip2RegistrationChangeKind.Deactivated, a.Id),
            (Sip2RegistrationChangeKind.Deleted, b.Id), (Sip2RegistrationChangeKind.Created, marker.Id),
        };
        Assert.Equal(expected, onFirst.Events.Select(e => (e.Kind, e.Registration.Id)));
        Assert.Equal(expected, onSecond.Events.Select(e => (e.Kind, e.Registration.Id)));
        Assert.Equal(onFirst.Events.Select(e => (e.Registration, e.Previous)), onSecond.Events.Select(e => (e.Registration, e.Previous)));
        Assert.Equal((await first.ListAsync()).OrderBy(r => r.Id), (await second.ListAsync()).OrderBy(r => r.Id));
    }

    /// <summary>The second instance of the store under test, initialised; null when the store cannot be shared.</summary>
    protected async Task<ISip2RegistryStore?> OpenSecondAsync(ISip2RegistryStore first)
    {
        var second = await OpenSecondInstanceAsync(first, new Sip2RegistryOptions());
        if (second is not null)
        {
            Assert.NotSame(first, second);
            Assert.False(await second.InitializeAsync(), "the second instance opens a store that already exists");
        }

        return second;
    }
}

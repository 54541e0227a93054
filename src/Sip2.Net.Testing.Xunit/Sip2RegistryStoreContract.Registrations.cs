using System;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using Xunit;

namespace Sip2.Net.Testing.Xunit;

// The records and the registry rules 1 to 3 (registration-model.md section 1), login ids and passwords.
public abstract partial class Sip2RegistryStoreContract
{
    /// <summary>A registration keeps every field of the model as given, and gets an id when it had none.</summary>
    [Fact]
    public async Task A_registration_keeps_every_field_of_the_model()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk, "k1", "p1") with
        {
            Description = "Front desk kiosk",
            Vendor = "bibliotheca",
            Encoding = Sip2CharacterEncoding.Utf8,
            ResolutionLevel = Sip2ResolutionLevel.WholeGroup,
            Activated = false,
        });

        Assert.NotEqual(Guid.Empty, created.Id);
        var read = await store.GetAsync(created.Id);
        Assert.Equal(created, read);
        Assert.Equal((Kiosk, "k1", "Front desk kiosk", "A", "MAIN", "bibliotheca"), (read!.IPAddress, read.LoginId, read.Description, read.InstitutionId, read.BranchId, read.Vendor));
        Assert.Equal((Sip2CharacterEncoding.Utf8, Sip2ResolutionLevel.WholeGroup, false), (read.Encoding, read.ResolutionLevel, read.Activated));
        Assert.True(read.PasswordHash!.Verify("p1"));
    }

    /// <summary>A registration created with an id keeps it.</summary>
    [Fact]
    public async Task A_registration_created_with_an_id_keeps_it()
    {
        var store = await NewStoreAsync();
        var id = Guid.NewGuid();
        Assert.Equal(id, (await CreateAsync(store, Registration(Kiosk) with { Id = id })).Id);
        Assert.NotNull(await store.GetAsync(id));
    }

    /// <summary>Registrations list all together, by address (either form of an IPv4 address) and by institution (case-insensitively).</summary>
    [Fact]
    public async Task Registrations_list_by_address_and_by_institution()
    {
        var store = await NewStoreAsync();
        var a = await CreateAsync(store, Registration(Shared, "k1", "p1"));
        var b = await CreateAsync(store, Registration(Shared, "k2", "p2", institution: "B"));
        var c = await CreateAsync(store, Registration(Kiosk, institution: "B"));

        Assert.Equal(new[] { a.Id, b.Id, c.Id }.Order(), (await store.ListAsync()).Select(r => r.Id).Order());
        Assert.Equal(new[] { a.Id, b.Id }.Order(), (await store.ListByAddressAsync(Shared)).Select(r => r.Id).Order());
        Assert.Equal(new[] { a.Id, b.Id }.Order(), (await store.ListByAddressAsync(Shared.MapToIPv6())).Select(r => r.Id).Order());
        Assert.Equal(new[] { b.Id, c.Id }.Order(), (await store.ListByInstitutionAsync("b")).Select(r => r.Id).Order());
        Assert.Empty(await store.ListByAddressAsync(Other));
        Assert.Empty(await store.ListByInstitutionAsync("C"));
        Assert.Null(await store.GetAsync(Guid.NewGuid()));
    }

    /// <summary>Rule 1: an address may be shared when every registration for it has a login id and a password.</summary>
    [Fact]
    public async Task Rule1_an_address_can_be_shared_when_every_registration_has_a_login_id_and_a_password()
    {
        var store = await NewStoreAsync();
        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        await CreateAsync(store, Registration(Shared, "k2", "p2", institution: "B"));
        Assert.Equal(2, (await store.ListByAddressAsync(Shared)).Count);
    }

    /// <summary>Rule 1: a registration without a login id is the only one for its address, whichever comes first.</summary>
    [Fact]
    public async Task Rule1_a_registration_without_a_login_id_is_the_only_one_for_its_address()
    {
        var store = await NewStoreAsync();
        await CreateAsync(store, Registration(Kiosk));
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk, "k2", "p2")), Sip2RegistryRule.SharedAddressRequiresCredentials, "IPAddress");
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk)), Sip2RegistryRule.SharedAddressRequiresCredentials, "LoginId");
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk.MapToIPv6())), Sip2RegistryRule.SharedAddressRequiresCredentials, "LoginId");

        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Shared)), Sip2RegistryRule.SharedAddressRequiresCredentials, "LoginId");
    }

    /// <summary>Rule 1: on a shared address every registration needs a password, the new one and those already there.</summary>
    [Fact]
    public async Task Rule1_sharing_an_address_needs_a_password_on_every_registration()
    {
        var store = await NewStoreAsync();
        await CreateAsync(store, Registration(Shared, "k1", "p1"));
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Shared, "k2")), Sip2RegistryRule.SharedAddressRequiresCredentials, "PasswordHash");

        var alone = await CreateAsync(store, Registration(Other, "k1")); // a sole registration may lack a password
        Assert.False(alone.HasCredentials);
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Other, "k2", "p2")), Sip2RegistryRule.SharedAddressRequiresCredentials, "IPAddress");
    }

    /// <summary>Rule 2: within one address a login id is used once, compared case-insensitively; another address may reuse it.</summary>
    [Fact]
    public async Task Rule2_a_login_id_is_unique_per_address_whatever_its_case()
    {
        var store = await NewStoreAsync();
        await CreateAsync(store, Registration(Shared, "Kiosk", "p1"));
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Shared, "kIOSK", "p2")), Sip2RegistryRule.LoginIdUniquePerAddress, "LoginId");
        await CreateAsync(store, Registration(Other, "kiosk", "p1"));

        var second = await CreateAsync(store, Registration(Shared, "k2", "p2"));
        await AssertRefusedAsync(store, async () => await store.ChangeLoginIdAsync(second.Id, "KIOSK", Hash("p3")), Sip2RegistryRule.LoginIdUniquePerAddress, "LoginId");
    }

    /// <summary>Rule 3: a login id may be removed only where the address is not shared (again, once the others are gone).</summary>
    [Fact]
    public async Task Rule3_a_login_id_can_be_removed_only_where_the_address_is_not_shared()
    {
        var store = await NewStoreAsync();
        var first = await CreateAsync(store, Registration(Shared, "k1", "p1"));
        var second = await CreateAsync(store, Registration(Shared, "k2", "p2"));
        await AssertRefusedAsync(store, async () => await store.ChangeLoginIdAsync(first.Id, null), Sip2RegistryRule.LoginIdRemovalBreaksSharing, "LoginId");
        await AssertRefusedAsync(store, async () => await store.ChangeLoginIdAsync(first.Id, ""), Sip2RegistryRule.LoginIdRemovalBreaksSharing, "LoginId");

        Assert.True((await store.DeleteAsync(second.Id)).Succeeded);
        var removed = (await store.ChangeLoginIdAsync(first.Id, null)).GetValueOrThrow();
        Assert.Null(removed.LoginId);
        Assert.Null(removed.PasswordHash);
        Assert.Equal(removed, await store.GetAsync(first.Id));
    }

    /// <summary>Changing the login id clears the password: the registration cannot authenticate until one is set.</summary>
    [Fact]
    public async Task Changing_the_login_id_clears_the_password()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk, "old", "pw"));

        var changed = await store.ChangeLoginIdAsync(created.Id, "new");

        Assert.Equal(Sip2RegistrationChangeKind.LoginChanged, changed.Change);
        Assert.Equal(("new", null), (changed.Registration!.LoginId, changed.Registration.PasswordHash));
        Assert.Equal(changed.Registration, await store.GetAsync(created.Id));
        var withPassword = (await store.SetPasswordAsync(created.Id, Hash("pw2"))).GetValueOrThrow();
        Assert.True(withPassword.HasCredentials && withPassword.PasswordHash!.Verify("pw2"));
    }

    /// <summary>On a shared address the new login id must come with its new password, in the same call.</summary>
    [Fact]
    public async Task Changing_the_login_id_on_a_shared_address_needs_the_new_password_along()
    {
        var store = await NewStoreAsync();
        var first = await CreateAsync(store, Registration(Shared, "k1", "p1"));
        await CreateAsync(store, Registration(Shared, "k2", "p2"));
        await AssertRefusedAsync(store, async () => await store.ChangeLoginIdAsync(first.Id, "k3"), Sip2RegistryRule.SharedAddressRequiresCredentials, "PasswordHash");

        var changed = (await store.ChangeLoginIdAsync(first.Id, "k3", Hash("p3"))).GetValueOrThrow();
        Assert.Equal("k3", changed.LoginId);
        Assert.True(changed.PasswordHash!.Verify("p3"));
    }

    /// <summary>Setting the same login id again changes nothing (no event); with a password, it sets the password.</summary>
    [Fact]
    public async Task Setting_the_same_login_id_again_keeps_the_password()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk, "same", "pw"));

        var again = await WatchUnchangedAsync(store, async () => await store.ChangeLoginIdAsync(created.Id, "same"));
        Assert.True(again.Succeeded);
        Assert.Null(again.Change);
        Assert.Equal(created, again.Registration);

        var withPassword = await store.ChangeLoginIdAsync(created.Id, "same", Hash("pw2"));
        Assert.Equal(Sip2RegistrationChangeKind.PasswordSet, withPassword.Change);
        Assert.True((await store.GetAsync(created.Id))!.PasswordHash!.Verify("pw2"));
    }

    /// <summary>A password belongs to a login id: refused on a registration without one, whichever operation brings it.</summary>
    [Fact]
    public async Task A_password_needs_a_login_id()
    {
        var store = await NewStoreAsync();
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk) with { PasswordHash = Hash("p") }), Sip2RegistryRule.PasswordRequiresLoginId, "PasswordHash");
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk, "") with { PasswordHash = Hash("p") }), Sip2RegistryRule.PasswordRequiresLoginId, "PasswordHash");
        var created = await CreateAsync(store, Registration(Kiosk));
        await AssertRefusedAsync(store, async () => await store.SetPasswordAsync(created.Id, Hash("p")), Sip2RegistryRule.PasswordRequiresLoginId, "PasswordHash");
        await AssertRefusedAsync(store, async () => await store.ChangeLoginIdAsync(created.Id, null, Hash("p")), Sip2RegistryRule.PasswordRequiresLoginId, "PasswordHash");
    }

    /// <summary>A login id SIP2 cannot carry in CN is refused: a delimiter, a control character, only spaces, over 255 characters.</summary>
    [Fact]
    public async Task Login_ids_SIP2_cannot_carry_are_refused()
    {
        var store = await NewStoreAsync();
        foreach (var loginId in new[] { "a|b", "tab\there", "   ", new string('k', 256) })
        {
            await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk, loginId)), Sip2RegistryRule.InvalidValue, "LoginId");
        }

        var created = await CreateAsync(store, Registration(Kiosk, new string('k', 255)));
        await AssertRefusedAsync(store, async () => await store.ChangeLoginIdAsync(created.Id, "a|b"), Sip2RegistryRule.InvalidValue, "LoginId");
    }

    /// <summary>An empty login id means none.</summary>
    [Fact]
    public async Task An_empty_login_id_means_none()
    {
        var store = await NewStoreAsync();
        Assert.Null((await CreateAsync(store, Registration(Kiosk, ""))).LoginId);
    }

    /// <summary>Reads give immutable snapshots: a registration read before a change still shows what it was.</summary>
    [Fact]
    public async Task A_registration_once_read_does_not_change_with_the_store()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk, "k1", "p1"));
        var held = await store.GetAsync(created.Id);
        (await store.ChangeLoginIdAsync(created.Id, "k2")).GetValueOrThrow();

        Assert.Equal("k1", held!.LoginId);
        Assert.True(held.PasswordHash!.Verify("p1"));
    }
}

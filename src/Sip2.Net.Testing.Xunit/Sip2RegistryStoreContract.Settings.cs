using System;
using System.Net;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using Xunit;

namespace Sip2.Net.Testing.Xunit;

// The address rules, updates and their dedicated operations, the branch prerequisite, vendors, ids.
public abstract partial class Sip2RegistryStoreContract
{
    /// <summary>The unspecified, broadcast, multicast and reserved addresses are refused whatever the options allow.</summary>
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("240.0.0.1")]
    [InlineData("::")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:224.0.0.1")]
    public async Task Unspecified_broadcast_multicast_and_reserved_addresses_are_always_refused(string address)
    {
        var store = await NewStoreAsync(Sip2RegistryOptions.AllowLocalNetworks);
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(IPAddress.Parse(address))), Sip2RegistryRule.InvalidIPAddress, "IPAddress");
    }

    /// <summary>Loopback, private and link-local addresses are refused by default and accepted when the options allow their kind.</summary>
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.9", "private")]
    [InlineData("172.31.255.1", "private")]
    [InlineData("192.168.1.20", "private")]
    [InlineData("100.64.0.1", "private")]
    [InlineData("fd00::12", "private")]
    [InlineData("::ffff:192.168.1.20", "private")]
    [InlineData("169.254.10.10", "link-local")]
    [InlineData("fe80::1", "link-local")]
    public async Task Local_addresses_are_refused_by_default_and_accepted_when_allowed(string address, string kind)
    {
        var strict = await NewStoreAsync();
        await AssertRefusedAsync(strict, async () => await strict.CreateAsync(Registration(IPAddress.Parse(address))), Sip2RegistryRule.IPAddressNotAllowed, "IPAddress");

        var options = kind switch
        {
            "loopback" => new Sip2RegistryOptions { AllowLoopback = true },
            "private" => new Sip2RegistryOptions { AllowPrivate = true },
            _ => new Sip2RegistryOptions { AllowLinkLocal = true },
        };
        var allowing = await NewStoreAsync(options);
        await CreateAsync(allowing, Registration(IPAddress.Parse(address)));
    }

    /// <summary>Public addresses right next to the private ranges are accepted by default.</summary>
    [Theory]
    [InlineData("172.15.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:db8::5")]
    public async Task Public_addresses_next_to_the_private_ranges_are_accepted(string address)
    {
        var store = await NewStoreAsync();
        await CreateAsync(store, Registration(IPAddress.Parse(address)));
    }

    /// <summary>An IPv4-mapped IPv6 address is stored as its IPv4 address and counts as it for rule 1; a scope id is dropped.</summary>
    [Fact]
    public async Task An_address_is_stored_normalised()
    {
        var store = await NewStoreAsync(Sip2RegistryOptions.AllowLocalNetworks);
        var created = await CreateAsync(store, Registration(Kiosk.MapToIPv6()));
        Assert.Equal(Kiosk, created.IPAddress);
        Assert.Equal(Kiosk, (await store.GetAsync(created.Id))!.IPAddress);
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk)), Sip2RegistryRule.SharedAddressRequiresCredentials, "LoginId");

        var scoped = await CreateAsync(store, Registration(IPAddress.Parse("fe80::1%3")));
        Assert.Equal(IPAddress.Parse("fe80::1"), scoped.IPAddress);
    }

    /// <summary>An update changes the settings (description, institution, branch, vendor, encoding, resolution level) and nothing else.</summary>
    [Fact]
    public async Task An_update_changes_the_settings()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk, "k1", "p1"));

        var updated = await store.UpdateAsync(created with
        {
            InstitutionId = "B", BranchId = "main", Description = "moved", Vendor = "Envisionware",
            Encoding = Sip2CharacterEncoding.Utf8, ResolutionLevel = Sip2ResolutionLevel.WholeGroup,
        });

        Assert.Equal(Sip2RegistrationChangeKind.Updated, updated.Change);
        Assert.Equal(("B", "main", "moved", "Envisionware"), (updated.Registration!.InstitutionId, updated.Registration.BranchId, updated.Registration.Description, updated.Registration.Vendor));
        Assert.Equal((Sip2CharacterEncoding.Utf8, Sip2ResolutionLevel.WholeGroup), (updated.Registration.Encoding, updated.Registration.ResolutionLevel));
        Assert.Equal((created.IPAddress, created.LoginId, created.PasswordHash, created.Activated), (updated.Registration.IPAddress, updated.Registration.LoginId, updated.Registration.PasswordHash, updated.Registration.Activated));
        Assert.Equal(updated.Registration, await store.GetAsync(created.Id));
    }

    /// <summary>An update that changes nothing succeeds without a change (no event, no audit entry).</summary>
    [Fact]
    public async Task An_update_without_changes_changes_nothing()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk));
        var result = await WatchUnchangedAsync(store, async () => await store.UpdateAsync(created with { IPAddress = Kiosk.MapToIPv6() }));
        Assert.True(result.Succeeded);
        Assert.Null(result.Change);
        Assert.Equal(created, result.Registration);
    }

    /// <summary>The address of a stored registration cannot change: delete it and create a new one.</summary>
    [Fact]
    public async Task The_address_cannot_be_changed_by_an_update()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk));
        await AssertRefusedAsync(store, async () => await store.UpdateAsync(created with { IPAddress = Other, Description = "moved" }), Sip2RegistryRule.IPAddressImmutable, "IPAddress");
    }

    /// <summary>The login id, password and activation have their own operations: an update that changes them is refused.</summary>
    [Theory]
    [InlineData("LoginId")]
    [InlineData("PasswordHash")]
    [InlineData("Activated")]
    public async Task An_update_does_not_change_credentials_or_activation(string field)
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk, "k1", "p1"));
        var changed = field switch
        {
            "LoginId" => created with { LoginId = "k2" },
            "PasswordHash" => created with { PasswordHash = Hash("p2") },
            _ => created with { Activated = false },
        };
        await AssertRefusedAsync(store, async () => await store.UpdateAsync(changed), Sip2RegistryRule.DedicatedOperationRequired, field);
    }

    /// <summary>A registration's branch needs a SIP2 configuration, on create and on update; ids are compared case-insensitively.</summary>
    [Fact]
    public async Task The_branch_must_have_a_SIP2_configuration()
    {
        var store = await NewStoreAsync();
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk, branch: "NONE")), Sip2RegistryRule.BranchWithoutConfiguration, "BranchId");
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk, institution: "B", branch: "EAST")), Sip2RegistryRule.BranchWithoutConfiguration, "BranchId");
        var refused = await WatchUnchangedAsync(store, async () => await store.CreateAsync(Registration(Kiosk, institution: "ZZ")));
        Assert.Contains(refused.Error!.Rule, new[] { Sip2RegistryRule.BranchWithoutConfiguration, Sip2RegistryRule.UnknownInstitution });

        var created = await CreateAsync(store, Registration(Kiosk, institution: "a", branch: "main"));
        await AssertRefusedAsync(store, async () => await store.UpdateAsync(created with { BranchId = "NONE" }), Sip2RegistryRule.BranchWithoutConfiguration, "BranchId");
    }

    /// <summary>A missing institution or branch, an over-long description and an unknown enum value are invalid values.</summary>
    [Fact]
    public async Task Malformed_settings_are_refused_with_their_field()
    {
        var store = await NewStoreAsync();
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk, institution: "")), Sip2RegistryRule.InvalidValue, "InstitutionId");
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk, branch: " ")), Sip2RegistryRule.InvalidValue, "BranchId");
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk) with { Description = new string('d', 1001) }), Sip2RegistryRule.InvalidValue, "Description");
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk) with { Encoding = (Sip2CharacterEncoding)42 }), Sip2RegistryRule.InvalidValue, "Encoding");
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk) with { ResolutionLevel = (Sip2ResolutionLevel)42 }), Sip2RegistryRule.InvalidValue, "ResolutionLevel");

        var created = await CreateAsync(store, Registration(Kiosk) with { Description = new string('d', 1000) });
        await AssertRefusedAsync(store, async () => await store.UpdateAsync(created with { InstitutionId = "" }), Sip2RegistryRule.InvalidValue, "InstitutionId");
    }

    /// <summary>The vendor must be a profile the store knows, named in any case.</summary>
    [Fact]
    public async Task An_unknown_vendor_is_refused()
    {
        var store = await NewStoreAsync();
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Kiosk) with { Vendor = "Acme" }), Sip2RegistryRule.UnknownVendor, "Vendor");
        var created = await CreateAsync(store, Registration(Kiosk) with { Vendor = "ENVISIONWARE" });
        await AssertRefusedAsync(store, async () => await store.UpdateAsync(created with { Vendor = "Acme" }), Sip2RegistryRule.UnknownVendor, "Vendor");
    }

    /// <summary>A registration with the id of one already stored is refused.</summary>
    [Fact]
    public async Task A_duplicate_id_is_refused()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk));
        await AssertRefusedAsync(store, async () => await store.CreateAsync(Registration(Other) with { Id = created.Id }), Sip2RegistryRule.DuplicateId, "Id");
    }

    /// <summary>Every operation on an id no registration has is refused as not found.</summary>
    [Fact]
    public async Task Operations_on_an_unknown_id_report_not_found()
    {
        var store = await NewStoreAsync();
        await CreateAsync(store, Registration(Kiosk, "k1", "p1"));
        var id = Guid.NewGuid();
        await AssertRefusedAsync(store, async () => await store.DeleteAsync(id), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedAsync(store, async () => await store.ActivateAsync(id), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedAsync(store, async () => await store.DeactivateAsync(id), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedAsync(store, async () => await store.ChangeLoginIdAsync(id, "x"), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedAsync(store, async () => await store.SetPasswordAsync(id, Hash("x")), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedAsync(store, async () => await store.UpdateAsync(Registration(Kiosk) with { Id = id }), Sip2RegistryRule.NotFound, "Id");
    }

    /// <summary>Activating and deactivating change the registration once; doing it again changes nothing.</summary>
    [Fact]
    public async Task Activation_changes_once_and_then_is_a_no_op()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk));

        Assert.Equal(Sip2RegistrationChangeKind.Deactivated, (await store.DeactivateAsync(created.Id)).Change);
        Assert.False((await store.GetAsync(created.Id))!.Activated);
        var again = await WatchUnchangedAsync(store, async () => await store.DeactivateAsync(created.Id));
        Assert.True(again.Succeeded);
        Assert.Null(again.Change);

        Assert.Equal(Sip2RegistrationChangeKind.Activated, (await store.ActivateAsync(created.Id)).Change);
        Assert.True((await store.GetAsync(created.Id))!.Activated);
        Assert.Null((await WatchUnchangedAsync(store, async () => await store.ActivateAsync(created.Id))).Change);
    }

    /// <summary>A deletion returns the registration as it was and removes it.</summary>
    [Fact]
    public async Task A_deletion_returns_what_was_deleted()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk, "k1", "p1"));
        var deleted = await store.DeleteAsync(created.Id);
        Assert.Equal((Sip2RegistrationChangeKind.Deleted, created), (deleted.Change!.Value, deleted.Registration));
        Assert.Null(await store.GetAsync(created.Id));
        Assert.Empty(await store.ListAsync());
    }

    /// <summary>No refusal's text contains the password of the registration it refused.</summary>
    [Fact]
    public async Task No_refusal_contains_a_password()
    {
        var store = await NewStoreAsync();
        var hash = Hash("hunter2-secret");
        await CreateAsync(store, Registration(Shared, "k1") with { PasswordHash = hash });
        var result = await store.CreateAsync(Registration(Shared, "K1") with { PasswordHash = hash });
        foreach (var text in new[] { result.ToString(), result.Error!.ToString(), result.Error.Message })
        {
            Assert.DoesNotContain("hunter2-secret", text, StringComparison.Ordinal);
            Assert.DoesNotContain(hash.ToStoredString().Split('$')[3], text, StringComparison.Ordinal);
        }
    }
}

using System.Threading.Tasks;
using System.Net;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using static Sip2.Net.Tests.Access.AccessFixture;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Tests.Access;

/// <summary>One test per registry rule of registration-model.md, the accepting side and the refusing side.</summary>
public sealed class RegistryRuleTests
{
    private readonly InMemorySip2RegistryStore registry = AccessFixture.Registry();

    private async Task AssertRefusedUnchangedAsync(Func<Task<Sip2RegistryResult>> operation, Sip2RegistryRule rule, string field)
    {
        var before = (await registry.ListAsync()).OrderBy(r => r.Id).ToList();
        var changes = 0;
        registry.RegistrationChanged += (_, _) => changes++;

        var result = await operation();

        Assert.False(result.Succeeded);
        Assert.Null(result.Registration);
        Assert.Equal(rule, result.Error!.Rule);
        Assert.Equal(field, result.Error.Field);
        Assert.Equal(before, (await registry.ListAsync()).OrderBy(r => r.Id).ToList());
        Assert.Equal(0, changes);
        var exception = Assert.Throws<Sip2RegistryException>(() => result.GetValueOrThrow());
        Assert.Equal(rule, exception.Error.Rule);
    }

    // Records

    [Fact]
    public async Task A_registration_keeps_every_field_of_the_model()
    {
        var created = await CreateAsync(registry, Registration(Kiosk) with
        {
            Description = "Front desk kiosk",
            Vendor = "bibliotheca",
            Encoding = Sip2CharacterEncoding.Utf8,
            ResolutionLevel = Sip2ResolutionLevel.WholeGroup,
            Activated = false,
        });

        var read = await registry.GetAsync(created.Id);
        Assert.NotEqual(Guid.Empty, created.Id);
        Assert.Equal(created, read);
        Assert.Equal(Kiosk, read!.IPAddress);
        Assert.Equal("Front desk kiosk", read.Description);
        Assert.Equal(("A", "MAIN"), (read.InstitutionId, read.BranchId));
        Assert.Equal("bibliotheca", read.Vendor);
        Assert.Equal(Sip2CharacterEncoding.Utf8, read.Encoding);
        Assert.Equal(Sip2ResolutionLevel.WholeGroup, read.ResolutionLevel);
        Assert.False(read.Activated);
    }

    [Fact]
    public void A_new_registration_defaults_to_IBM850_local_resolution_default_vendor_activated()
    {
        var registration = Registration(Kiosk);
        Assert.Equal(Sip2CharacterEncoding.Ibm850, registration.Encoding);
        Assert.Equal(Sip2ResolutionLevel.LocalInstitutionOnly, registration.ResolutionLevel);
        Assert.Equal("Default", registration.Vendor);
        Assert.True(registration.Activated);
    }

    [Fact]
    public async Task Lists_by_address_and_by_institution()
    {
        var a = await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        var b = await CreateAsync(registry, Registration(Shared, "k2", "p2", institution: "B"));
        var c = await CreateAsync(registry, Registration(Kiosk, institution: "B"));

        Assert.Equal(new[] { a.Id, b.Id }.Order(), (await registry.ListByAddressAsync(Shared)).Select(r => r.Id).Order());
        Assert.Equal(new[] { b.Id, c.Id }.Order(), (await registry.ListByInstitutionAsync("b")).Select(r => r.Id).Order());
        Assert.Empty(await registry.ListByAddressAsync(Other));
        Assert.Equal(3, (await registry.ListAsync()).Count);
    }

    // Rule 1: shared addresses need credentials on every registration

    [Fact]
    public async Task Rule1_an_address_can_be_shared_when_every_registration_has_login_and_password()
    {
        await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        await CreateAsync(registry, Registration(Shared, "k2", "p2", institution: "B"));
        Assert.Equal(2, (await registry.ListByAddressAsync(Shared)).Count);
    }

    [Fact]
    public async Task Rule1_a_registration_without_login_id_is_the_only_one_for_its_address()
    {
        await CreateAsync(registry, Registration(Kiosk));
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Kiosk, "k2", "p2")), Sip2RegistryRule.SharedAddressRequiresCredentials, "IPAddress");
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Kiosk)), Sip2RegistryRule.SharedAddressRequiresCredentials, "LoginId");
    }

    [Fact]
    public async Task Rule1_a_second_registration_without_login_id_is_refused_on_a_shared_address()
    {
        await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Shared)), Sip2RegistryRule.SharedAddressRequiresCredentials, "LoginId");
    }

    [Fact]
    public async Task Rule1_a_second_registration_without_password_is_refused()
    {
        await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Shared, "k2")), Sip2RegistryRule.SharedAddressRequiresCredentials, "PasswordHash");
    }

    [Fact]
    public async Task Rule1_an_address_whose_registration_lacks_a_password_cannot_be_shared()
    {
        await CreateAsync(registry, Registration(Shared, "k1"));
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Shared, "k2", "p2")), Sip2RegistryRule.SharedAddressRequiresCredentials, "IPAddress");
    }

    [Fact]
    public async Task Rule1_a_sole_registration_may_have_a_login_id_without_password()
    {
        var created = await CreateAsync(registry, Registration(Shared, "k1"));
        Assert.False(created.HasCredentials);
    }

    // Rule 2: login ids unique per address, case-insensitively

    [Fact]
    public async Task Rule2_the_same_login_id_is_refused_on_one_address_whatever_its_case()
    {
        await CreateAsync(registry, Registration(Shared, "Kiosk", "p1"));
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Shared, "kIOSK", "p2")), Sip2RegistryRule.LoginIdUniquePerAddress, "LoginId");
    }

    [Fact]
    public async Task Rule2_the_same_login_id_is_fine_on_another_address()
    {
        await CreateAsync(registry, Registration(Shared, "kiosk", "p1"));
        await CreateAsync(registry, Registration(Other, "kiosk", "p1"));
        Assert.Equal(2, (await registry.ListAsync()).Count);
    }

    [Fact]
    public async Task Rule2_changing_to_a_login_id_in_use_on_the_address_is_refused()
    {
        await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        var second = await CreateAsync(registry, Registration(Shared, "k2", "p2"));
        await AssertRefusedUnchangedAsync(async () => await registry.ChangeLoginIdAsync(second.Id, "K1", Hash("p3")), Sip2RegistryRule.LoginIdUniquePerAddress, "LoginId");
    }

    // Changing the login id clears the password

    [Fact]
    public async Task Changing_the_login_id_clears_the_password()
    {
        var created = await CreateAsync(registry, Registration(Kiosk, "old", "pw"));
        var events = new List<Sip2RegistrationChangedEventArgs>();
        registry.RegistrationChanged += (_, e) => events.Add(e);

        var changed = (await registry.ChangeLoginIdAsync(created.Id, "new")).GetValueOrThrow();

        Assert.Equal("new", changed.LoginId);
        Assert.Null(changed.PasswordHash);
        Assert.False(changed.HasCredentials);
        Assert.Equal(Sip2RegistrationChangeKind.LoginChanged, Assert.Single(events).Kind);
    }

    [Fact]
    public async Task Changing_the_login_id_with_a_new_password_keeps_a_shared_address_valid()
    {
        var first = await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        await CreateAsync(registry, Registration(Shared, "k2", "p2"));

        var changed = (await registry.ChangeLoginIdAsync(first.Id, "k3", Hash("p3"))).GetValueOrThrow();

        Assert.Equal("k3", changed.LoginId);
        Assert.True(changed.PasswordHash!.Verify("p3"));
    }

    [Fact]
    public async Task Changing_the_login_id_on_a_shared_address_without_a_new_password_is_refused()
    {
        var first = await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        await CreateAsync(registry, Registration(Shared, "k2", "p2"));
        await AssertRefusedUnchangedAsync(async () => await registry.ChangeLoginIdAsync(first.Id, "k3"), Sip2RegistryRule.SharedAddressRequiresCredentials, "PasswordHash");
    }

    [Fact]
    public async Task Setting_the_same_login_id_again_keeps_the_password()
    {
        var created = await CreateAsync(registry, Registration(Kiosk, "same", "pw"));
        var result = (await registry.ChangeLoginIdAsync(created.Id, "same")).GetValueOrThrow();
        Assert.True(result.PasswordHash!.Verify("pw"));
    }

    // Rule 3: removing a login id only where rule 1 still holds

    [Fact]
    public async Task Rule3_removing_the_login_id_of_a_sole_registration_is_allowed()
    {
        var created = await CreateAsync(registry, Registration(Kiosk, "k1", "p1"));
        var changed = (await registry.ChangeLoginIdAsync(created.Id, null)).GetValueOrThrow();
        Assert.Null(changed.LoginId);
        Assert.Null(changed.PasswordHash);
    }

    [Fact]
    public async Task Rule3_removing_the_login_id_on_a_shared_address_is_refused()
    {
        var first = await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        await CreateAsync(registry, Registration(Shared, "k2", "p2"));
        await AssertRefusedUnchangedAsync(async () => await registry.ChangeLoginIdAsync(first.Id, ""), Sip2RegistryRule.LoginIdRemovalBreaksSharing, "LoginId");
    }

    [Fact]
    public async Task Rule3_after_deleting_the_other_registrations_the_login_id_can_be_removed()
    {
        var first = await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        var second = await CreateAsync(registry, Registration(Shared, "k2", "p2"));
        (await registry.DeleteAsync(second.Id)).GetValueOrThrow();
        Assert.True((await registry.ChangeLoginIdAsync(first.Id, null)).Succeeded);
    }

    // The address

    [Fact]
    public async Task The_address_cannot_be_changed_by_an_update()
    {
        var created = await CreateAsync(registry, Registration(Kiosk));
        await AssertRefusedUnchangedAsync(async () => await registry.UpdateAsync(created with { IPAddress = Other }), Sip2RegistryRule.IPAddressImmutable, "IPAddress");
    }

    [Fact]
    public async Task An_update_changes_the_settings()
    {
        var created = await CreateAsync(registry, Registration(Kiosk));
        var events = new List<Sip2RegistrationChangedEventArgs>();
        registry.RegistrationChanged += (_, e) => events.Add(e);

        var updated = (await registry.UpdateAsync(created with { BranchId = "EAST", Description = "moved", Vendor = "Envisionware", ResolutionLevel = Sip2ResolutionLevel.WholeGroup })).GetValueOrThrow();

        Assert.Equal("EAST", updated.BranchId);
        Assert.Equal("moved", updated.Description);
        Assert.Equal(updated, await registry.GetAsync(created.Id));
        var change = Assert.Single(events);
        Assert.Equal(Sip2RegistrationChangeKind.Updated, change.Kind);
        Assert.Equal(created, change.Previous);
    }

    [Fact]
    public async Task An_update_giving_the_IPv4_mapped_form_of_the_same_address_is_no_change_of_address()
    {
        var created = await CreateAsync(registry, Registration(Kiosk));
        var result = await registry.UpdateAsync(created with { IPAddress = Kiosk.MapToIPv6(), Description = "x" });
        Assert.True(result.Succeeded);
        Assert.Equal(Kiosk, result.Registration!.IPAddress);
    }

    [Theory]
    [InlineData("LoginId")]
    [InlineData("PasswordHash")]
    [InlineData("Activated")]
    public async Task An_update_does_not_change_credentials_or_activation(string field)
    {
        var created = await CreateAsync(registry, Registration(Kiosk, "k1", "p1"));
        var changed = field switch
        {
            "LoginId" => created with { LoginId = "k2" },
            "PasswordHash" => created with { PasswordHash = Hash("p2") },
            _ => created with { Activated = false },
        };
        await AssertRefusedUnchangedAsync(async () => await registry.UpdateAsync(changed), Sip2RegistryRule.DedicatedOperationRequired, field);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("::")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:224.0.0.1")]
    public async Task Unspecified_broadcast_and_multicast_addresses_are_always_refused(string address)
    {
        var permissive = AccessFixture.Registry(Sip2RegistryOptions.AllowLocalNetworks);
        var result = await permissive.CreateAsync(Registration(IPAddress.Parse(address)));
        Assert.Equal(Sip2RegistryRule.InvalidIPAddress, result.Error?.Rule);
        Assert.Equal("IPAddress", result.Error?.Field);
        Assert.Empty(await permissive.ListAsync());
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.9", "private")]
    [InlineData("172.31.255.1", "private")]
    [InlineData("192.168.1.20", "private")]
    [InlineData("100.64.0.1", "private")]
    [InlineData("fd00::12", "private")]
    [InlineData("169.254.10.10", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("::ffff:192.168.1.20", "private")]
    public async Task Local_addresses_are_refused_by_default_and_allowed_by_option(string address, string kind)
    {
        var strict = AccessFixture.Registry();
        var refused = await strict.CreateAsync(Registration(IPAddress.Parse(address)));
        Assert.Equal(Sip2RegistryRule.IPAddressNotAllowed, refused.Error?.Rule);
        Assert.Contains(kind, refused.Error!.Message, StringComparison.Ordinal);

        var options = kind switch
        {
            "loopback" => new Sip2RegistryOptions { AllowLoopback = true },
            "private" => new Sip2RegistryOptions { AllowPrivate = true },
            _ => new Sip2RegistryOptions { AllowLinkLocal = true },
        };
        Assert.True((await AccessFixture.Registry(options).CreateAsync(Registration(IPAddress.Parse(address)))).Succeeded);
    }

    [Theory]
    [InlineData("172.15.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2001:db8::5")]
    public async Task Public_addresses_next_to_the_private_ranges_are_accepted(string address)
    {
        Assert.True((await registry.CreateAsync(Registration(IPAddress.Parse(address)))).Succeeded);
    }

    [Fact]
    public async Task An_IPv4_mapped_IPv6_address_is_its_IPv4_address()
    {
        var created = await CreateAsync(registry, Registration(Kiosk.MapToIPv6()));
        Assert.Equal(Kiosk, created.IPAddress);
        Assert.Single(await registry.ListByAddressAsync(Kiosk));
        Assert.Single(await registry.ListByAddressAsync(Kiosk.MapToIPv6()));

        // The same client under its other form counts as the same address for rule 1.
        var second = await registry.CreateAsync(Registration(Kiosk));
        Assert.Equal(Sip2RegistryRule.SharedAddressRequiresCredentials, second.Error?.Rule);
    }

    [FsCheck.Xunit.Property]
    public bool Any_IPv4_address_and_its_IPv4_mapped_form_normalise_to_the_same_key(uint value)
    {
        var v4 = new IPAddress(value);
        return Sip2IPAddresses.Normalize(v4.MapToIPv6()).Equals(v4) && Sip2IPAddresses.Normalize(v4).Equals(v4);
    }

    [Fact]
    public void An_IPv6_scope_id_is_not_part_of_the_key()
    {
        var scoped = IPAddress.Parse("fe80::1%3");
        Assert.Equal(IPAddress.Parse("fe80::1"), Sip2IPAddresses.Normalize(scoped));
    }

    // Branch configuration and other fields

    [Fact]
    public async Task The_branch_must_have_a_SIP2_configuration()
    {
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Kiosk, branch: "NONE")), Sip2RegistryRule.BranchWithoutConfiguration, "BranchId");
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Kiosk, institution: "ZZ")), Sip2RegistryRule.BranchWithoutConfiguration, "BranchId");

        var created = await CreateAsync(registry, Registration(Kiosk));
        await AssertRefusedUnchangedAsync(async () => await registry.UpdateAsync(created with { BranchId = "NONE" }), Sip2RegistryRule.BranchWithoutConfiguration, "BranchId");
    }

    [Fact]
    public async Task Branch_and_institution_are_compared_case_insensitively()
    {
        Assert.True((await registry.CreateAsync(Registration(Kiosk, institution: "a", branch: "main"))).Succeeded);
    }

    [Fact]
    public async Task A_password_needs_a_login_id()
    {
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Kiosk) with { PasswordHash = Hash("p") }), Sip2RegistryRule.PasswordRequiresLoginId, "PasswordHash");
        var created = await CreateAsync(registry, Registration(Kiosk));
        await AssertRefusedUnchangedAsync(async () => await registry.SetPasswordAsync(created.Id, Hash("p")), Sip2RegistryRule.PasswordRequiresLoginId, "PasswordHash");
        await AssertRefusedUnchangedAsync(async () => await registry.ChangeLoginIdAsync(created.Id, null, Hash("p")), Sip2RegistryRule.PasswordRequiresLoginId, "PasswordHash");
    }

    [Fact]
    public async Task Setting_a_password_makes_the_registration_able_to_authenticate()
    {
        var created = await CreateAsync(registry, Registration(Kiosk, "k1"));
        var withPassword = (await registry.SetPasswordAsync(created.Id, Hash("pw"))).GetValueOrThrow();
        Assert.True(withPassword.HasCredentials);
        Assert.True(withPassword.PasswordHash!.Verify("pw"));
    }

    [Theory]
    [InlineData("a|b")]
    [InlineData("tab\there")]
    [InlineData("   ")]
    public async Task Login_ids_SIP2_cannot_carry_are_refused(string loginId)
    {
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Kiosk, loginId)), Sip2RegistryRule.InvalidValue, "LoginId");
    }

    [Fact]
    public async Task An_empty_login_id_means_none()
    {
        var created = await CreateAsync(registry, Registration(Kiosk, ""));
        Assert.Null(created.LoginId);
    }

    [Fact]
    public async Task Missing_institution_or_branch_and_unknown_vendor_are_refused()
    {
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Kiosk, institution: "")), Sip2RegistryRule.InvalidValue, "InstitutionId");
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Kiosk, branch: " ")), Sip2RegistryRule.InvalidValue, "BranchId");
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Kiosk) with { Vendor = "Acme" }), Sip2RegistryRule.UnknownVendor, "Vendor");
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Kiosk) with { Encoding = (Sip2CharacterEncoding)42 }), Sip2RegistryRule.InvalidValue, "Encoding");
    }

    [Fact]
    public async Task A_custom_vendor_profile_can_be_named_once_registered()
    {
        var vendors = new Sip2.Net.Vendors.Sip2VendorProfileCatalog();
        vendors.Register(new Sip2.Net.Vendors.Sip2VendorProfile { Name = "Acme" });
        var withAcme = Directory(vendors: vendors);
        Assert.True((await withAcme.CreateAsync(Registration(Kiosk) with { Vendor = "acme" })).Succeeded);
    }

    [Fact]
    public async Task A_duplicate_id_is_refused()
    {
        var created = await CreateAsync(registry, Registration(Kiosk));
        await AssertRefusedUnchangedAsync(async () => await registry.CreateAsync(Registration(Other) with { Id = created.Id }), Sip2RegistryRule.DuplicateId, "Id");
    }

    [Fact]
    public async Task Operations_on_an_unknown_id_report_not_found()
    {
        var id = Guid.NewGuid();
        await AssertRefusedUnchangedAsync(async () => await registry.DeleteAsync(id), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedUnchangedAsync(async () => await registry.ActivateAsync(id), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedUnchangedAsync(async () => await registry.DeactivateAsync(id), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedUnchangedAsync(async () => await registry.ChangeLoginIdAsync(id, "x"), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedUnchangedAsync(async () => await registry.SetPasswordAsync(id, Hash("x")), Sip2RegistryRule.NotFound, "Id");
        await AssertRefusedUnchangedAsync(async () => await registry.UpdateAsync(Registration(Kiosk) with { Id = id }), Sip2RegistryRule.NotFound, "Id");
        Assert.Null(await registry.GetAsync(id));
    }

    [Fact]
    public async Task No_error_message_contains_a_password()
    {
        await CreateAsync(registry, Registration(Shared, "k1", "hunter2"));
        var result = await registry.CreateAsync(Registration(Shared, "K1", "hunter2"));
        Assert.DoesNotContain("hunter2", result.Error!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.ToString(), StringComparison.Ordinal);
    }

    // Events

    [Fact]
    public async Task Every_change_raises_one_event_of_its_kind()
    {
        var events = new List<(Sip2RegistrationChangeKind Kind, Guid Id)>();
        registry.RegistrationChanged += (_, e) => events.Add((e.Kind, e.Registration.Id));

        var r = await CreateAsync(registry, Registration(Kiosk, "k1"));
        (await registry.SetPasswordAsync(r.Id, Hash("p"))).GetValueOrThrow();
        (await registry.ChangeLoginIdAsync(r.Id, "k2", Hash("q"))).GetValueOrThrow();
        (await registry.UpdateAsync(r with { LoginId = "k2", PasswordHash = (await registry.GetAsync(r.Id))!.PasswordHash, Description = "d" })).GetValueOrThrow();
        (await registry.DeactivateAsync(r.Id)).GetValueOrThrow();
        (await registry.DeactivateAsync(r.Id)).GetValueOrThrow(); // already deactivated: no event
        (await registry.ActivateAsync(r.Id)).GetValueOrThrow();
        (await registry.DeleteAsync(r.Id)).GetValueOrThrow();

        Assert.Equal(
            new[]
            {
                Sip2RegistrationChangeKind.Created, Sip2RegistrationChangeKind.PasswordSet, Sip2RegistrationChangeKind.LoginChanged,
                Sip2RegistrationChangeKind.Updated, Sip2RegistrationChangeKind.Deactivated, Sip2RegistrationChangeKind.Activated,
                Sip2RegistrationChangeKind.Deleted,
            },
            events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(r.Id, e.Id));
        Assert.Empty(await registry.ListAsync());
    }

    [Fact]
    public async Task A_throwing_event_handler_does_not_undo_the_change()
    {
        registry.RegistrationChanged += (_, _) => throw new InvalidOperationException("handler bug");
        var result = await registry.CreateAsync(Registration(Kiosk));
        Assert.True(result.Succeeded);
        Assert.Single(await registry.ListAsync());
    }

    [Fact]
    public async Task A_snapshot_is_immutable_once_read()
    {
        var created = await CreateAsync(registry, Registration(Kiosk, "k1", "p1"));
        var held = await registry.GetAsync(created.Id);
        (await registry.ChangeLoginIdAsync(created.Id, "k2")).GetValueOrThrow();

        Assert.Equal("k1", held!.LoginId);
        Assert.True(held.PasswordHash!.Verify("p1"));
    }
}

using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using Sip2.Net.Vendors;
using static Sip2.Net.Tests.Access.AccessFixture;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Tests.Access;

/// <summary>The admission and login decision table of registration-model.md section 2, and brute-force protection.</summary>
public sealed class AccessPolicyTests
{
    private readonly InMemorySip2RegistryStore directory = Directory();
    private readonly InMemorySip2RegistryStore registry;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly Sip2RegistryAccessPolicy policy;

    public AccessPolicyTests()
    {
        registry = directory;
        // The login id limit sits above the address limit so the address tests see only the address at work.
        policy = NewPolicy(new Sip2AccessPolicyOptions { MaxFailedLoginsPerConnection = 3, MaxFailedLoginsPerAddress = 5, MaxFailedLoginsPerLoginId = 8 });
    }

    // Unknown login ids are answered at once here: the delay that hides which ones exist runs on the fake clock (see LoginThrottleTests).
    private Sip2RegistryAccessPolicy NewPolicy(Sip2AccessPolicyOptions options) => new(registry, directory, options: options with { UnknownLoginIdDelay = TimeSpan.Zero }, timeProvider: time);

    private async Task<Sip2AccessSession> AwaitingLoginAsync(IPAddress address)
    {
        var admission = await policy.AdmitAsync(address);
        Assert.Equal(Sip2AdmissionOutcome.AwaitingLogin, admission.Outcome);
        return admission.Session!;
    }

    // Admission

    [Fact]
    public async Task No_registration_refuses_the_connection()
    {
        var admission = await policy.AdmitAsync(Other);
        Assert.Equal(Sip2AdmissionOutcome.Refused, admission.Outcome);
        Assert.False(admission.IsAdmitted);
        Assert.Null(admission.Session);
        Assert.Equal(Sip2MessageScenario.AccessRefused, admission.Scenario);
    }

    [Fact]
    public async Task A_deactivated_registration_admits_nothing()
    {
        var created = await CreateAsync(registry, Registration(Kiosk));
        await registry.DeactivateAsync(created.Id);
        Assert.Equal(Sip2AdmissionOutcome.Refused, (await policy.AdmitAsync(Kiosk)).Outcome);

        await registry.ActivateAsync(created.Id);
        Assert.Equal(Sip2AdmissionOutcome.Bound, (await policy.AdmitAsync(Kiosk)).Outcome);
    }

    [Fact]
    public async Task One_registration_without_login_binds_at_once_with_everything_the_server_needs()
    {
        var created = await CreateAsync(registry, Registration(Kiosk, institution: "B") with
        {
            Vendor = "Bibliotheca", Encoding = Sip2CharacterEncoding.Utf8, ResolutionLevel = Sip2ResolutionLevel.WholeGroup,
        });

        var admission = await policy.AdmitAsync(Kiosk);

        Assert.Equal(Sip2AdmissionOutcome.Bound, admission.Outcome);
        var binding = admission.Session!.Binding!;
        Assert.Equal(created, binding.Registration);
        Assert.Equal("B main", binding.BranchConfiguration.LibraryName);
        Assert.Equal("B", binding.Institution.Id);
        Assert.Same(Sip2VendorProfileCatalog.Bibliotheca, binding.VendorProfile);
        Assert.Same(Sip2Encoding.Utf8, binding.Encoding);
        Assert.Equal(Sip2ResolutionLevel.WholeGroup, binding.Scope.Level);
        Assert.True(binding.Scope.IsGroupMember("A"));
        Assert.True(admission.Session.IsBoundTo(created.Id));
    }

    [Fact]
    public async Task One_registration_with_a_login_id_waits_for_a_login()
    {
        await CreateAsync(registry, Registration(Kiosk, "k1", "p1"));
        var session = await AwaitingLoginAsync(Kiosk);
        Assert.False(session.IsBound);
        Assert.Null(session.Binding);
    }

    [Fact]
    public async Task Several_registrations_with_logins_wait_for_a_login()
    {
        await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        await CreateAsync(registry, Registration(Shared, "k2", "p2"));
        await AwaitingLoginAsync(Shared);
    }

    [Fact]
    public async Task An_IPv4_mapped_remote_address_finds_the_IPv4_registration()
    {
        await CreateAsync(registry, Registration(Kiosk));
        var admission = await policy.AdmitAsync(Kiosk.MapToIPv6());
        Assert.Equal(Sip2AdmissionOutcome.Bound, admission.Outcome);
        Assert.Equal(Kiosk, admission.Session!.RemoteAddress);
    }

    [Fact]
    public async Task A_branch_that_lost_its_configuration_refuses_the_connection()
    {
        await CreateAsync(registry, Registration(Kiosk, branch: "EAST"));
        // The store refuses to delete a configuration in use; a directory of the integrator's own may still lose one.
        var withoutEast = new InMemorySip2RegistryStore();
        await withoutEast.SaveInstitutionAsync(new Sip2Institution { Id = "A" });
        var admission = await new Sip2RegistryAccessPolicy(registry, withoutEast, timeProvider: time).AdmitAsync(Kiosk);
        Assert.Equal(Sip2AdmissionOutcome.Refused, admission.Outcome);
        Assert.Equal(Sip2MessageScenario.ConfigurationMissing, admission.Scenario);
    }

    // Login

    [Fact]
    public async Task Valid_credentials_bind_the_session_and_the_login_id_is_case_insensitive()
    {
        var k1 = await CreateAsync(registry, Registration(Shared, "Kiosk1", "p1"));
        await CreateAsync(registry, Registration(Shared, "Kiosk2", "p2"));
        var session = await AwaitingLoginAsync(Shared);

        var result = await policy.LoginAsync(session, "KIOSK1", "p1");

        Assert.Equal(Sip2LoginOutcome.Accepted, result.Outcome);
        Assert.True(result.Succeeded);
        Assert.Equal(k1.Id, result.Binding!.Registration.Id);
        Assert.Same(result.Binding, session.Binding);
        Assert.Null(result.Scenario);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_counted()
    {
        await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        var session = await AwaitingLoginAsync(Shared);

        var result = await policy.LoginAsync(session, "k1", "P1");

        Assert.Equal(Sip2LoginOutcome.Refused, result.Outcome);
        Assert.Equal(Sip2MessageScenario.LoginRefused, result.Scenario);
        Assert.False(result.CloseConnection);
        Assert.False(session.IsBound);
        Assert.Equal(1, session.FailedLogins);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task An_empty_password_is_refused(string? password)
    {
        await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        var session = await AwaitingLoginAsync(Shared);
        Assert.Equal(Sip2LoginOutcome.Refused, (await policy.LoginAsync(session, "k1", password)).Outcome);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_unknown_or_missing_login_id_is_refused(string? loginId)
    {
        await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        var session = await AwaitingLoginAsync(Shared);
        Assert.Equal(Sip2LoginOutcome.Refused, (await policy.LoginAsync(session, loginId, "p1")).Outcome);
    }

    [Fact]
    public async Task A_registration_whose_login_id_changed_cannot_authenticate_until_a_password_is_set()
    {
        var created = await CreateAsync(registry, Registration(Kiosk, "old", "pw"));
        await registry.ChangeLoginIdAsync(created.Id, "new");
        var session = await AwaitingLoginAsync(Kiosk);

        Assert.Equal(Sip2LoginOutcome.Refused, (await policy.LoginAsync(session, "new", "pw")).Outcome);
        Assert.Equal(Sip2LoginOutcome.Refused, (await policy.LoginAsync(session, "old", "pw")).Outcome);

        await registry.SetPasswordAsync(created.Id, Hash("pw2"));
        Assert.Equal(Sip2LoginOutcome.Accepted, (await policy.LoginAsync(session, "new", "pw2")).Outcome);
    }

    [Fact]
    public async Task Credentials_of_a_deactivated_registration_are_refused()
    {
        var k1 = await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        await CreateAsync(registry, Registration(Shared, "k2", "p2"));
        await registry.DeactivateAsync(k1.Id);
        var session = await AwaitingLoginAsync(Shared);

        Assert.Equal(Sip2LoginOutcome.Refused, (await policy.LoginAsync(session, "k1", "p1")).Outcome);
        Assert.Equal(Sip2LoginOutcome.Accepted, (await policy.LoginAsync(session, "k2", "p2")).Outcome);
    }

    [Fact]
    public async Task Credentials_of_another_address_are_refused()
    {
        await CreateAsync(registry, Registration(Other, "k1", "p1"));
        await CreateAsync(registry, Registration(Shared, "k2", "p2"));
        var session = await AwaitingLoginAsync(Shared);
        Assert.Equal(Sip2LoginOutcome.Refused, (await policy.LoginAsync(session, "k1", "p1")).Outcome);
    }

    [Fact]
    public async Task A_second_login_switches_institution_branch_and_settings()
    {
        await CreateAsync(registry, Registration(Shared, "a", "pa"));
        var b = await CreateAsync(registry, Registration(Shared, "b", "pb", institution: "C") with
        {
            Vendor = "Envisionware", Encoding = Sip2CharacterEncoding.Utf8, ResolutionLevel = Sip2ResolutionLevel.WholeGroup,
        });
        var session = await AwaitingLoginAsync(Shared);

        var first = await policy.LoginAsync(session, "a", "pa");
        var second = await policy.LoginAsync(session, "b", "pb");

        Assert.Equal("A", first.Binding!.Institution.Id);
        Assert.Equal(b.Id, session.Binding!.Registration.Id);
        Assert.Equal("C", session.Binding.Institution.Id);
        Assert.Equal("C main", session.Binding.BranchConfiguration.LibraryName);
        Assert.Same(Sip2VendorProfileCatalog.Envisionware, session.Binding.VendorProfile);
        Assert.Same(Sip2Encoding.Utf8, session.Binding.Encoding);
        Assert.Equal(Sip2ResolutionLevel.WholeGroup, session.Binding.Scope.Level);
        Assert.Equal(second.Binding, session.Binding);
    }

    [Fact]
    public async Task A_failed_login_keeps_the_binding_the_session_had()
    {
        var a = await CreateAsync(registry, Registration(Shared, "a", "pa"));
        await CreateAsync(registry, Registration(Shared, "b", "pb"));
        var session = await AwaitingLoginAsync(Shared);
        await policy.LoginAsync(session, "a", "pa");

        Assert.Equal(Sip2LoginOutcome.Refused, (await policy.LoginAsync(session, "b", "wrong")).Outcome);
        Assert.True(session.IsBoundTo(a.Id));
    }

    [Fact]
    public async Task A_kiosk_that_always_logs_in_on_a_login_free_address_gets_941()
    {
        var created = await CreateAsync(registry, Registration(Kiosk));
        var session = (await policy.AdmitAsync(Kiosk)).Session!;

        for (var i = 0; i < 5; i++)
        {
            var result = await policy.LoginAsync(session, "whatever", i % 2 == 0 ? "" : "anything");
            Assert.Equal(Sip2LoginOutcome.Accepted, result.Outcome);
            Assert.Equal(created.Id, result.Binding!.Registration.Id);
        }

        Assert.Equal(0, session.FailedLogins);
    }

    [Fact]
    public async Task A_session_keeps_its_snapshot_until_it_logs_in_again()
    {
        var created = await CreateAsync(registry, Registration(Kiosk, "k1", "p1"));
        var session = await AwaitingLoginAsync(Kiosk);
        await policy.LoginAsync(session, "k1", "p1");

        (await registry.UpdateAsync(created with { BranchId = "EAST" })).GetValueOrThrow();
        Assert.Equal("MAIN", session.Binding!.Registration.BranchId);
        Assert.Equal("A main", session.Binding.BranchConfiguration.LibraryName);

        await policy.LoginAsync(session, "k1", "p1");
        Assert.Equal("EAST", session.Binding!.Registration.BranchId);
        Assert.Equal("A east", session.Binding.BranchConfiguration.LibraryName);
    }

    [Fact]
    public async Task A_registration_naming_a_vendor_the_policy_does_not_know_gets_the_default_profile()
    {
        var vendors = new Sip2VendorProfileCatalog();
        vendors.Register(new Sip2VendorProfile { Name = "Acme", SendEmptyOptionalFields = true });
        var acmeRegistry = Directory(vendors: vendors);
        await CreateAsync(acmeRegistry, Registration(Kiosk) with { Vendor = "Acme" });

        var knowing = new Sip2RegistryAccessPolicy(acmeRegistry, acmeRegistry, vendors);
        var unknowing = new Sip2RegistryAccessPolicy(acmeRegistry, acmeRegistry);

        Assert.True((await knowing.AdmitAsync(Kiosk)).Session!.Binding!.VendorProfile.SendEmptyOptionalFields);
        Assert.Same(Sip2VendorProfileCatalog.Default, (await unknowing.AdmitAsync(Kiosk)).Session!.Binding!.VendorProfile);
    }

    [Fact]
    public async Task Deactivating_or_deleting_a_registration_tells_the_server_which_sessions_to_end()
    {
        var a = await CreateAsync(registry, Registration(Shared, "a", "pa"));
        var b = await CreateAsync(registry, Registration(Shared, "b", "pb"));
        var onA = await AwaitingLoginAsync(Shared);
        var onB = await AwaitingLoginAsync(Shared);
        await policy.LoginAsync(onA, "a", "pa");
        await policy.LoginAsync(onB, "b", "pb");
        var live = new List<Sip2AccessSession> { onA, onB };

        // What the server does: end every live session bound to a deactivated or deleted registration.
        registry.RegistrationChanged += (_, e) =>
        {
            if (e.Kind is Sip2RegistrationChangeKind.Deactivated or Sip2RegistrationChangeKind.Deleted)
            {
                live.RemoveAll(s => s.IsBoundTo(e.Registration.Id));
            }
        };

        await registry.DeactivateAsync(a.Id);
        Assert.Equal(new[] { onB }, live);
        await registry.DeleteAsync(b.Id);
        Assert.Empty(live);

        // And the deactivated registration admits nothing any more.
        Assert.Equal(Sip2AdmissionOutcome.Refused, (await policy.AdmitAsync(Shared)).Outcome);
    }

    // Failures and throttling

    [Theory]
    [InlineData(0, 10, 5, 15)]
    [InlineData(3, 0, 5, 15)]
    [InlineData(3, 10, 0, 15)]
    [InlineData(3, 10, 5, -1)]
    public void Options_out_of_range_are_refused(int perConnection, int perAddress, int windowMinutes, int lockoutMinutes)
    {
        var options = new Sip2AccessPolicyOptions
        {
            MaxFailedLoginsPerConnection = perConnection,
            MaxFailedLoginsPerAddress = perAddress,
            AddressFailureWindow = TimeSpan.FromMinutes(windowMinutes),
            AddressLockout = TimeSpan.FromMinutes(lockoutMinutes),
        };
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sip2RegistryAccessPolicy(registry, directory, options: options));
    }

    [Fact]
    public void The_defaults_are_those_documented()
    {
        var options = new Sip2AccessPolicyOptions();
        Assert.Equal(3, options.MaxFailedLoginsPerConnection);
        Assert.Equal(10, options.MaxFailedLoginsPerAddress);
        Assert.Equal(TimeSpan.FromMinutes(5), options.AddressFailureWindow);
        Assert.Equal(TimeSpan.FromMinutes(15), options.AddressLockout);
        Assert.Equal(5, options.MaxFailedLoginsPerLoginId);
        Assert.Equal(TimeSpan.FromMinutes(15), options.LoginIdFailureWindow);
        Assert.Equal(TimeSpan.FromMinutes(15), options.LoginIdLockout);
        Assert.Equal(TimeSpan.FromHours(4), options.MaxLockout);
    }

    public static TheoryData<Sip2AccessPolicyOptions> LoginIdOptionsOutOfRange => new()
    {
        new Sip2AccessPolicyOptions { MaxFailedLoginsPerLoginId = 0 },
        new Sip2AccessPolicyOptions { LoginIdFailureWindow = TimeSpan.Zero },
        new Sip2AccessPolicyOptions { LoginIdLockout = TimeSpan.FromSeconds(-1) },
        new Sip2AccessPolicyOptions { MaxLockout = TimeSpan.FromMinutes(10) },
    };

    [Theory]
    [MemberData(nameof(LoginIdOptionsOutOfRange))]
    public void Login_id_options_out_of_range_are_refused(Sip2AccessPolicyOptions options) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Sip2RegistryAccessPolicy(registry, directory, options: options));

    [Fact]
    public async Task Null_arguments_are_programmer_errors()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await policy.AdmitAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await policy.LoginAsync(null!, "a", "b"));
    }
}

using Sip2.Net.TestSupport;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using static Sip2.Net.Tests.Access.AccessFixture;

namespace Sip2.Net.Tests.Access;

/// <summary>What the worked example of docs/custom-policy-store.md promises beyond the contract: a restart keeps everything.</summary>
public sealed class CustomStoreExampleTests : IDisposable
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("sip2-store-").FullName;

    private string File => Path.Combine(folder, "registry.json");

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Everything_survives_a_restart_and_the_file_holds_no_password()
    {
        using (var store = new JsonFileRegistryStore(File, new Sip2RegistryOptions()))
        {
            Assert.True(await store.InitializeAsync());
            Seed(store);
            var k1 = (await store.CreateAsync(Registration(Shared, "k1", "CorrectHorse"), "alice")).GetValueOrThrow();
            (await store.CreateAsync(Registration(Shared, "k2", "p2", institution: "B"))).GetValueOrThrow();
            (await store.DeactivateAsync(k1.Id, "bob")).GetValueOrThrow();
            Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.ItemNotFound, "Ask at the desk."));
        }

        using var reopened = new JsonFileRegistryStore(File, new Sip2RegistryOptions());
        Assert.False(await reopened.InitializeAsync()); // not created empty: the host does not seed it again

        var all = await reopened.ListAsync();
        Assert.Equal(2, all.Count);
        var restored = all.Single(r => r.LoginId == "k1");
        Assert.False(restored.Activated);
        Assert.True(restored.PasswordHash!.Verify("CorrectHorse"));
        Assert.Equal("Ask at the desk.", reopened.GetText(Sip2MessageScenario.ItemNotFound, "A"));
        Assert.Equal(4, (await reopened.ListBranchConfigurationsAsync()).Count);
        Assert.Equal(("bob", Sip2AuditAction.RegistrationDeactivated), ((await reopened.ListAuditAsync(2))[1].Actor, (await reopened.ListAuditAsync(2))[1].Action));
        Assert.DoesNotContain("CorrectHorse", await System.IO.File.ReadAllTextAsync(File), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_change_leaves_the_file_as_it_was()
    {
        using var store = new JsonFileRegistryStore(File, new Sip2RegistryOptions());
        await store.InitializeAsync();
        Seed(store);
        (await store.CreateAsync(Registration(Kiosk))).GetValueOrThrow();
        var before = await System.IO.File.ReadAllTextAsync(File);

        Assert.Equal(Sip2RegistryRule.SharedAddressRequiresCredentials, (await store.CreateAsync(Registration(Kiosk))).Error?.Rule);
        Assert.Equal(before, await System.IO.File.ReadAllTextAsync(File));
    }

    [Fact]
    public async Task The_default_policy_runs_over_the_custom_store()
    {
        using var store = new JsonFileRegistryStore(File, new Sip2RegistryOptions());
        await store.InitializeAsync();
        Seed(store);
        (await store.CreateAsync(Registration(Shared, "k1", "p1"))).GetValueOrThrow();
        var policy = new Sip2RegistryAccessPolicy(store, store);

        var session = (await policy.AdmitAsync(Shared)).Session!;
        Assert.Equal(Sip2LoginOutcome.Accepted, (await policy.LoginAsync(session, "k1", "p1")).Outcome);
        Assert.Equal(Sip2AdmissionOutcome.Refused, (await policy.AdmitAsync(Other)).Outcome);
    }

    [Fact]
    public async Task The_opening_hours_policy_refuses_outside_the_hours_and_defers_inside()
    {
        using var store = new JsonFileRegistryStore(File, new Sip2RegistryOptions());
        await store.InitializeAsync();
        Seed(store);
        (await store.CreateAsync(Registration(Kiosk))).GetValueOrThrow();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var policy = new OpeningHoursAccessPolicy(new Sip2RegistryAccessPolicy(store, store), time, TimeSpan.FromHours(8), TimeSpan.FromHours(20));

        var early = await policy.AdmitAsync(Kiosk);
        Assert.Equal((Sip2AdmissionOutcome.Refused, Sip2MessageScenario.BackEndUnavailable), (early.Outcome, early.Scenario));
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(Sip2AdmissionOutcome.Bound, (await policy.AdmitAsync(Kiosk)).Outcome);
        Assert.Equal(Sip2MessageScenario.AccessRefused, (await policy.AdmitAsync(Other)).Scenario); // unregistered stays refused
    }
}

/// <summary>docs/custom-policy-store.md shows the example exactly as compiled and tested here.</summary>
public sealed class CustomStoreExampleDocTests
{
    [Fact]
    public void The_document_shows_the_tested_code()
    {
        var root = Repository.Root;
        var doc = System.IO.File.ReadAllText(Path.Combine(root, "docs", "custom-policy-store.md")).ReplaceLineEndings("\n");
        var code = System.IO.File.ReadAllText(Path.Combine(root, "tests", "Sip2.Net.Tests", "Access", "CustomStoreExample.cs")).ReplaceLineEndings("\n");
        Assert.Contains(code.TrimEnd('\n'), doc, StringComparison.Ordinal);
    }
}

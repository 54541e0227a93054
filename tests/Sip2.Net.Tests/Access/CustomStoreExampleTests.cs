using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using static Sip2.Net.Tests.Access.AccessFixture;

namespace Sip2.Net.Tests.Access;

/// <summary>Runs the worked example of docs/custom-policy-store.md.</summary>
public sealed class CustomStoreExampleTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sip2net-" + Guid.NewGuid().ToString("N"));
    private readonly string file;

    public CustomStoreExampleTests()
    {
        System.IO.Directory.CreateDirectory(folder);
        file = Path.Combine(folder, "registrations.json");
    }

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Registrations_survive_a_restart_with_their_password_hashes()
    {
        using var registry = await JsonFileClientRegistry.OpenAsync(file, Directory());
        Assert.Empty(registry.RefusedOnLoad);
        var k1 = await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        await CreateAsync(registry, Registration(Shared, "k2", "p2", institution: "B"));
        (await registry.DeactivateAsync(k1.Id)).GetValueOrThrow();

        using var reopened = await JsonFileClientRegistry.OpenAsync(file, Directory());

        Assert.Empty(reopened.RefusedOnLoad);
        var all = await reopened.ListAsync();
        Assert.Equal(2, all.Count);
        var restored = all.Single(r => r.Id == k1.Id);
        Assert.False(restored.Activated);
        Assert.True(restored.PasswordHash!.Verify("p1"));
        Assert.DoesNotContain("\"p1\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_change_leaves_the_file_as_it_was()
    {
        using var registry = await JsonFileClientRegistry.OpenAsync(file, Directory());
        await CreateAsync(registry, Registration(Kiosk));
        var before = await File.ReadAllTextAsync(file);

        var result = await registry.CreateAsync(Registration(Kiosk));

        Assert.Equal(Sip2RegistryRule.SharedAddressRequiresCredentials, result.Error?.Rule);
        Assert.Equal(before, await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Entries_of_a_hand_edited_file_that_break_a_rule_are_reported_not_loaded()
    {
        using var registry = await JsonFileClientRegistry.OpenAsync(file, Directory());
        await CreateAsync(registry, Registration(Kiosk));
        var json = await File.ReadAllTextAsync(file);

        // An administrator pastes the entry twice, with a new id: the address would be shared without login ids.
        var copy = json.Trim().TrimStart('[').TrimEnd(']').Replace((await registry.ListAsync())[0].Id.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, json.Trim().TrimEnd(']') + "," + copy + "]");

        using var reopened = await JsonFileClientRegistry.OpenAsync(file, Directory());

        Assert.Single(await reopened.ListAsync());
        Assert.Equal(Sip2RegistryRule.SharedAddressRequiresCredentials, Assert.Single(reopened.RefusedOnLoad).Rule);
    }

    [Fact]
    public async Task The_default_policy_runs_over_the_custom_store()
    {
        using var registry = await JsonFileClientRegistry.OpenAsync(file, Directory());
        await CreateAsync(registry, Registration(Shared, "k1", "p1"));
        var policy = new Sip2RegistryAccessPolicy(registry, Directory());

        var session = (await policy.AdmitAsync(Shared)).Session!;
        Assert.Equal(Sip2LoginOutcome.Accepted, (await policy.LoginAsync(session, "k1", "p1")).Outcome);
    }

    [Fact]
    public async Task The_opening_hours_policy_refuses_outside_the_hours_and_defers_inside()
    {
        var directory = Directory();
        var registry = directory;
        await CreateAsync(registry, Registration(Kiosk));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var policy = new OpeningHoursAccessPolicy(new Sip2RegistryAccessPolicy(registry, directory), time, TimeSpan.FromHours(8), TimeSpan.FromHours(20));

        var early = await policy.AdmitAsync(Kiosk);
        Assert.Equal(Sip2AdmissionOutcome.Refused, early.Outcome);
        Assert.Equal(Sip2MessageScenario.BackEndUnavailable, early.Scenario);

        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(Sip2AdmissionOutcome.Bound, (await policy.AdmitAsync(Kiosk)).Outcome);

        // Unregistered addresses stay refused inside the hours too.
        Assert.Equal(Sip2MessageScenario.AccessRefused, (await policy.AdmitAsync(Other)).Scenario);
    }
}

/// <summary>docs/custom-policy-store.md shows the example exactly as compiled and tested here.</summary>
public sealed class CustomStoreExampleDocTests
{
    [Fact]
    public void The_document_shows_the_tested_code()
    {
        var root = Docs.MessagesDocTests.RepositoryRoot();
        var doc = File.ReadAllText(Path.Combine(root, "docs", "custom-policy-store.md")).ReplaceLineEndings("\n");
        var code = File.ReadAllText(Path.Combine(root, "tests", "Sip2.Net.Tests", "Access", "CustomStoreExample.cs")).ReplaceLineEndings("\n");
        Assert.Contains(code.TrimEnd('\n'), doc, StringComparison.Ordinal);
    }
}

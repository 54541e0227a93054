using System;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Xunit;

namespace Sip2.Net.Testing.Xunit;

// The audit trail: one entry per accepted change, with its actor, newest first, paged with `before`, never a secret.
public abstract partial class Sip2RegistryStoreContract
{
    /// <summary>Every accepted change writes one entry naming its action, subject and actor; refusals and no-ops write none.</summary>
    [Fact]
    public async Task Every_accepted_change_is_audited_with_its_actor_and_refusals_are_not()
    {
        var store = await NewEmptyStoreAsync(new Sip2RegistryOptions());
        Assert.Null(await store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "G" }, "alice"));
        Assert.Null(await store.SaveInstitutionAsync(new Sip2Institution { Id = "A", GroupId = "G" }, "alice"));
        Assert.Null(await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "A", BranchId = "MAIN" }, " alice "));
        Assert.NotNull(await store.SaveInstitutionAsync(new Sip2Institution { Id = "B", GroupId = "none" }, "mallory"));
        var created = await CreateAsync(store, Registration(Kiosk, "k1", "secret-1"), "bob");
        Assert.NotNull((await store.CreateAsync(Registration(Kiosk), "mallory")).Error);
        Assert.Null((await store.ActivateAsync(created.Id, "mallory")).Change); // a no-op
        (await store.DeactivateAsync(created.Id)).GetValueOrThrow();
        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.ItemNotFound, "Ask at the desk.", "carol"));
        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronNotFound, null, "mallory")); // nothing to remove
        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.ItemNotFound, null, "carol"));
        (await store.DeleteAsync(created.Id, "dave")).GetValueOrThrow();
        Assert.Null(await store.DeleteBranchConfigurationAsync("A", "MAIN", "erin"));
        Assert.Null(await store.DeleteInstitutionAsync("A", "erin"));
        Assert.Null(await store.DeleteGroupAsync("G", "erin"));

        var trail = await store.ListAuditAsync();
        Assert.Equal(
            new[]
            {
                Sip2AuditAction.GroupDeleted, Sip2AuditAction.InstitutionDeleted, Sip2AuditAction.BranchConfigurationDeleted, Sip2AuditAction.RegistrationDeleted,
                Sip2AuditAction.MessageOverrideRemoved, Sip2AuditAction.MessageOverrideSet, Sip2AuditAction.RegistrationDeactivated, Sip2AuditAction.RegistrationCreated,
                Sip2AuditAction.BranchConfigurationSaved, Sip2AuditAction.InstitutionSaved, Sip2AuditAction.GroupSaved,
            },
            trail.Select(e => e.Action));
        Assert.Equal(new[] { "erin", "erin", "erin", "dave", "carol", "carol", Sip2AuditDetails.UnknownActor, "bob", "alice", "alice", "alice" }, trail.Select(e => e.Actor));
        Assert.Equal(new[] { "G", "A", "A/MAIN", created.Id.ToString(), "A/ItemNotFound", "A/ItemNotFound", created.Id.ToString(), created.Id.ToString(), "A/MAIN", "A", "G" }, trail.Select(e => e.Subject));
        Assert.True(trail.Zip(trail.Skip(1)).All(pair => pair.First.Sequence > pair.Second.Sequence), "newest first, sequences increasing with time");
        Assert.All(trail, e => Assert.NotEqual(default, e.Time));
        Assert.DoesNotContain(trail, e => e.Actor == "mallory");
    }

    /// <summary>An entry's details are the values stored, written as <see cref="Sip2AuditDetails"/> writes them.</summary>
    [Fact]
    public async Task Audit_details_are_the_values_stored()
    {
        var store = await NewStoreAsync();
        var created = await CreateAsync(store, Registration(Kiosk, "k1", "p1") with { Description = "front desk" });
        var main = (await store.GetBranchConfigurationAsync("A", "MAIN"))!;
        Assert.Null(await store.SaveBranchConfigurationAsync(main with { TimeoutSeconds = 20 }));
        Assert.Null(await store.SetMessageOverrideAsync("A", Sip2MessageScenario.ItemNotFound, "Ask at the desk."));

        var trail = await store.ListAuditAsync(3);
        Assert.Equal(Sip2AuditDetails.Of("A", Sip2MessageScenario.ItemNotFound, "Ask at the desk."), trail[0].Details);
        Assert.Equal(Sip2AuditDetails.Of(main with { TimeoutSeconds = 20 }), trail[1].Details);
        Assert.Equal(Sip2AuditDetails.Of(created), trail[2].Details);
        Assert.Contains("password=set", trail[2].Details, StringComparison.Ordinal);
    }

    /// <summary>The trail pages back with <c>before</c> and <c>limit</c>, newest first.</summary>
    [Fact]
    public async Task The_audit_trail_pages_back_with_before()
    {
        var store = await NewStoreAsync(); // 8 entries of the setup
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await store.SaveGroupAsync(new Sip2InstitutionGroup { Id = "G" + i }, "pager"));
        }

        var all = await store.ListAuditAsync(1000);
        Assert.Equal(13, all.Count);
        var pages = new System.Collections.Generic.List<Sip2AuditEntry>();
        long? before = null;
        while (true)
        {
            var page = await store.ListAuditAsync(3, before);
            Assert.True(page.Count <= 3);
            if (page.Count == 0)
            {
                break;
            }

            Assert.All(page, e => Assert.True(before is null || e.Sequence < before));
            pages.AddRange(page);
            before = page[^1].Sequence;
        }

        Assert.Equal(all, pages);
        Assert.Equal(all.Take(2), await store.ListAuditAsync(2));
        Assert.Equal(all.Skip(4).Take(1), await store.ListAuditAsync(1, all[3].Sequence));
        Assert.Empty(await store.ListAuditAsync(10, all[^1].Sequence));
    }

    /// <summary>No entry holds a password or any part of its hash, whichever operation set it.</summary>
    [Fact]
    public async Task The_audit_trail_never_holds_a_password_or_its_hash()
    {
        var store = await NewStoreAsync();
        var secrets = new[] { "CorrectHorse", "BatteryStaple", "Tr0ub4dor" };
        var created = await CreateAsync(store, Registration(Shared, "k1", secrets[0]), "admin");
        (await store.SetPasswordAsync(created.Id, Hash(secrets[1]))).GetValueOrThrow();
        (await store.ChangeLoginIdAsync(created.Id, "k2", Hash(secrets[2]))).GetValueOrThrow();
        (await store.DeleteAsync(created.Id)).GetValueOrThrow();

        foreach (var entry in await store.ListAuditAsync())
        {
            var text = string.Join(" ", entry.Actor, entry.Subject, entry.Details);
            Assert.DoesNotContain(Sip2PasswordHash.AlgorithmId, text, StringComparison.Ordinal);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
                var parts = Hash(secret).ToStoredString().Split('$');
                Assert.DoesNotContain(parts[2], text, StringComparison.Ordinal); // the salt
                Assert.DoesNotContain(parts[3], text, StringComparison.Ordinal); // the hash
            }
        }
    }
}

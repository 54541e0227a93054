using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Xunit;

namespace Sip2.Net.Testing.Xunit;

// A durable store: opened again (the server's next start), it reads everything written before and goes on from there.
// Runs only when ReopenAsync gives a store.
public abstract partial class Sip2RegistryStoreContract
{
    /// <summary>
    /// A store opened again over what the first kept reads the same registrations (password hashes included),
    /// directory, custom messages and audit trail, says it is durable, and audits its own changes after the old ones.
    /// </summary>
    [Fact]
    public async Task A_store_opened_again_reads_everything_written_before_audit_included()
    {
        var first = await NewStoreAsync();
        var kiosk = await CreateAsync(first, Registration(Kiosk.MapToIPv6(), "kiosk", "pw") with { Description = "Ground floor", Vendor = "Envisionware" }, "alice");
        await CreateAsync(first, Registration(Shared, "k1", "pw-1"));
        await CreateAsync(first, Registration(Shared, "k2", "pw-2", institution: "B"));
        (await first.DeactivateAsync(kiosk.Id, "carol")).GetValueOrThrow();
        Assert.Null(await first.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronBlocked, "Please see the desk.", "carol"));
        var state = await StateAsync(first);
        var trail = await first.ListAuditAsync(1000);

        if (await ReopenAsync(first, new Sip2RegistryOptions()) is not { } later)
        {
            return;
        }

        Assert.NotSame(first, later);
        Assert.False(await later.InitializeAsync(), "a store opened again opens one that exists");

        Assert.Equal(state, await StateAsync(later));
        Assert.Equal(trail, await later.ListAuditAsync(1000));
        Assert.True((await later.GetAsync(kiosk.Id))!.PasswordHash!.Verify("pw"));
        Assert.Equal("Please see the desk.", later.GetText(Sip2MessageScenario.PatronBlocked, "a"));
        Assert.True(later.IsDurable, "a store that can be opened again keeps its changes");

        (await later.ActivateAsync(kiosk.Id, "dave")).GetValueOrThrow();
        var newest = (await later.ListAuditAsync(1))[0];
        Assert.Equal("dave", newest.Actor);
        Assert.True(newest.Sequence > trail[0].Sequence, "the later instance's audit entries follow the earlier one's");
    }

    // Everything a store holds but the audit trail, as one comparable text (password hashes as stored).
    private static async Task<string> StateAsync(ISip2RegistryStore store)
    {
        var lines = new List<string>();
        lines.AddRange((await store.ListAsync()).OrderBy(r => r.Id).Select(r => $"{r} {r.PasswordHash?.ToStoredString()}"));
        lines.AddRange((await store.ListGroupsAsync()).Select(g => g.ToString()));
        var institutions = await store.ListInstitutionsAsync();
        lines.AddRange(institutions.Select(i => i.ToString()));
        lines.AddRange((await store.ListBranchConfigurationsAsync()).Select(b => b.ToString()));
        foreach (var institution in institutions)
        {
            lines.AddRange((await store.ListMessageOverridesAsync(institution.Id)).Select(m => m.ToString()));
        }

        return string.Join(Environment.NewLine, lines);
    }
}

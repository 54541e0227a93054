using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using Xunit;

namespace Sip2.Net.Testing.Xunit.Internal;

/// <summary>Everything a store can list, read at one moment, in a fixed order, to compare before and after an operation.</summary>
internal sealed class StoreContents
{
    private StoreContents(
        IReadOnlyList<Sip2ClientRegistration> registrations,
        IReadOnlyList<Sip2InstitutionGroup> groups,
        IReadOnlyList<Sip2Institution> institutions,
        IReadOnlyList<Sip2BranchConfiguration> branches,
        IReadOnlyList<Sip2MessageOverride> overrides,
        long? newestAudit)
    {
        Registrations = registrations;
        Groups = groups;
        Institutions = institutions;
        Branches = branches;
        Overrides = overrides;
        NewestAudit = newestAudit;
    }

    public IReadOnlyList<Sip2ClientRegistration> Registrations { get; }

    public IReadOnlyList<Sip2InstitutionGroup> Groups { get; }

    public IReadOnlyList<Sip2Institution> Institutions { get; }

    public IReadOnlyList<Sip2BranchConfiguration> Branches { get; }

    public IReadOnlyList<Sip2MessageOverride> Overrides { get; }

    /// <summary>The sequence of the newest audit entry, or null for an empty trail.</summary>
    public long? NewestAudit { get; }

    public static async Task<StoreContents> ReadAsync(ISip2RegistryStore store)
    {
        var ids = StringComparer.OrdinalIgnoreCase;
        var institutions = (await store.ListInstitutionsAsync()).OrderBy(i => i.Id, ids).ToList();
        var overrides = new List<Sip2MessageOverride>();
        foreach (var institution in institutions)
        {
            overrides.AddRange((await store.ListMessageOverridesAsync(institution.Id)).OrderBy(o => o.Scenario));
        }

        var newest = await store.ListAuditAsync(1);
        return new StoreContents(
            (await store.ListAsync()).OrderBy(r => r.Id).ToList(),
            (await store.ListGroupsAsync()).OrderBy(g => g.Id, ids).ToList(),
            institutions,
            (await store.ListBranchConfigurationsAsync()).OrderBy(b => b.InstitutionId, ids).ThenBy(b => b.BranchId, ids).ToList(),
            overrides,
            newest.Count == 0 ? null : newest[0].Sequence);
    }

    public void AssertSameAs(StoreContents before)
    {
        Assert.Equal(before.Registrations, Registrations);
        Assert.Equal(before.Groups, Groups);
        Assert.Equal(before.Institutions, Institutions);
        Assert.Equal(before.Branches, Branches);
        Assert.Equal(before.Overrides, Overrides);
        Assert.True(before.NewestAudit == NewestAudit, $"the audit trail grew (newest entry {before.NewestAudit} before, {NewestAudit} after)");
    }
}

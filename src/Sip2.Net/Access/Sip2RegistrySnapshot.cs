using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Sip2.Net.Resolution;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Access;

/// <summary>
/// Everything an <see cref="ISip2RegistryStore"/> holds, as one immutable value with the lookups the server needs on
/// every connect and login: registrations by id and by address, groups, institutions, branch configurations and
/// custom messages. A store keeps the current snapshot in a field; readers take it without locking and never see half
/// a change; a writer builds the next one with the <c>With</c> methods (copy on write: writes are rare, reads are not).
/// Ids are compared case-insensitively, addresses after <see cref="Sip2IPAddresses.Normalize"/>.
/// </summary>
public sealed class Sip2RegistrySnapshot
{
    private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

    private readonly Dictionary<Guid, Sip2ClientRegistration> byId;
    private readonly Dictionary<IPAddress, Sip2ClientRegistration[]> byAddress;
    private readonly Dictionary<string, Sip2InstitutionGroup> groups;
    private readonly Dictionary<string, Sip2Institution> institutions;
    private readonly Dictionary<string, Sip2BranchConfiguration> branches;
    private readonly Dictionary<string, Sip2MessageOverride> overrides;

    private Sip2RegistrySnapshot(
        Dictionary<Guid, Sip2ClientRegistration> byId,
        Dictionary<IPAddress, Sip2ClientRegistration[]> byAddress,
        Dictionary<string, Sip2InstitutionGroup> groups,
        Dictionary<string, Sip2Institution> institutions,
        Dictionary<string, Sip2BranchConfiguration> branches,
        Dictionary<string, Sip2MessageOverride> overrides)
    {
        this.byId = byId;
        this.byAddress = byAddress;
        this.groups = groups;
        this.institutions = institutions;
        this.branches = branches;
        this.overrides = overrides;
    }

    /// <summary>A snapshot with nothing in it.</summary>
    public static Sip2RegistrySnapshot Empty { get; } = Create([], [], [], [], []);

    /// <summary>A snapshot of everything a store read (a later entry with the same key replaces an earlier one).</summary>
    public static Sip2RegistrySnapshot Create(
        IEnumerable<Sip2InstitutionGroup> groups,
        IEnumerable<Sip2Institution> institutions,
        IEnumerable<Sip2BranchConfiguration> branchConfigurations,
        IEnumerable<Sip2ClientRegistration> registrations,
        IEnumerable<Sip2MessageOverride> messageOverrides)
    {
        var byId = new Dictionary<Guid, Sip2ClientRegistration>();
        foreach (var registration in registrations ?? throw new ArgumentNullException(nameof(registrations)))
        {
            byId[registration.Id] = registration;
        }

        var byAddress = byId.Values.GroupBy(r => r.IPAddress).ToDictionary(g => g.Key, g => g.ToArray());
        return new Sip2RegistrySnapshot(
            byId,
            byAddress,
            (groups ?? throw new ArgumentNullException(nameof(groups))).GroupBy(g => g.Id, Ids).ToDictionary(g => g.Key, g => g.Last(), Ids),
            (institutions ?? throw new ArgumentNullException(nameof(institutions))).GroupBy(i => i.Id, Ids).ToDictionary(g => g.Key, g => g.Last(), Ids),
            (branchConfigurations ?? throw new ArgumentNullException(nameof(branchConfigurations))).GroupBy(b => BranchKey(b.InstitutionId, b.BranchId), Ids).ToDictionary(g => g.Key, g => g.Last(), Ids),
            (messageOverrides ?? throw new ArgumentNullException(nameof(messageOverrides))).GroupBy(o => OverrideKey(o.InstitutionId, o.Scenario), Ids).ToDictionary(g => g.Key, g => g.Last(), Ids));
    }

    /// <summary>Every registration, in no particular order.</summary>
    public IReadOnlyCollection<Sip2ClientRegistration> Registrations => byId.Values;

    /// <summary>Every group.</summary>
    public IReadOnlyCollection<Sip2InstitutionGroup> Groups => groups.Values;

    /// <summary>Every institution.</summary>
    public IReadOnlyCollection<Sip2Institution> Institutions => institutions.Values;

    /// <summary>Every branch configuration.</summary>
    public IReadOnlyCollection<Sip2BranchConfiguration> BranchConfigurations => branches.Values;

    /// <summary>Every custom message.</summary>
    public IReadOnlyCollection<Sip2MessageOverride> MessageOverrides => overrides.Values;

    /// <summary>The registration with that id, or null.</summary>
    public Sip2ClientRegistration? GetRegistration(Guid id) => byId.TryGetValue(id, out var registration) ? registration : null;

    /// <summary>The registrations for an address (activated or not); empty when none.</summary>
    public IReadOnlyList<Sip2ClientRegistration> RegistrationsAt(IPAddress address) =>
        byAddress.TryGetValue(Sip2IPAddresses.Normalize(address), out var list) ? list : Array.Empty<Sip2ClientRegistration>();

    /// <summary>The group with that id, or null.</summary>
    public Sip2InstitutionGroup? GetGroup(string? id) => id is not null && groups.TryGetValue(id, out var group) ? group : null;

    /// <summary>The institution with that id, or null.</summary>
    public Sip2Institution? GetInstitution(string? id) => id is not null && institutions.TryGetValue(id, out var institution) ? institution : null;

    /// <summary>The institutions of a group; empty for an unknown group.</summary>
    public IReadOnlyList<Sip2Institution> GroupMembers(string? groupId) =>
        groupId is null ? Array.Empty<Sip2Institution>() : institutions.Values.Where(i => Ids.Equals(i.GroupId, groupId)).ToArray();

    /// <summary>A branch's SIP2 configuration, or null.</summary>
    public Sip2BranchConfiguration? GetBranchConfiguration(string? institutionId, string? branchId) =>
        institutionId is not null && branchId is not null && branches.TryGetValue(BranchKey(institutionId, branchId), out var configuration) ? configuration : null;

    /// <summary>An institution's own text for a scenario, or null.</summary>
    public string? GetOverride(string? institutionId, Sip2MessageScenario scenario) =>
        institutionId is not null && overrides.TryGetValue(OverrideKey(institutionId, scenario), out var entry) ? entry.Text : null;

    /// <summary>The custom messages of an institution.</summary>
    public IReadOnlyList<Sip2MessageOverride> OverridesOf(string institutionId) =>
        overrides.Values.Where(o => Ids.Equals(o.InstitutionId, institutionId)).OrderBy(o => o.Scenario).ToArray();

    /// <summary>How many registrations are for an institution's branch (any branch, when <paramref name="branchId"/> is null).</summary>
    public int CountRegistrations(string institutionId, string? branchId = null) =>
        byId.Values.Count(r => Ids.Equals(r.InstitutionId, institutionId) && (branchId is null || Ids.Equals(r.BranchId, branchId)));

    /// <summary>This snapshot with a registration added or replaced (by id; its address never changes).</summary>
    public Sip2RegistrySnapshot WithRegistration(Sip2ClientRegistration registration)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        var without = GetRegistration(registration.Id) is { } old ? WithoutRegistration(old.Id) : this;
        var ids = new Dictionary<Guid, Sip2ClientRegistration>(without.byId) { [registration.Id] = registration };
        var addresses = new Dictionary<IPAddress, Sip2ClientRegistration[]>(without.byAddress)
        {
            [registration.IPAddress] = without.RegistrationsAt(registration.IPAddress).Append(registration).ToArray(),
        };
        return new(ids, addresses, groups, institutions, branches, overrides);
    }

    /// <summary>
    /// This snapshot with the registrations at <paramref name="address"/> replaced by <paramref name="registrations"/>
    /// (all of them at that address): how a store shared by several instances takes one address's registrations as
    /// the database holds them, so that what it answers for an address never mixes older and newer rows.
    /// </summary>
    public Sip2RegistrySnapshot WithRegistrationsAt(IPAddress address, IEnumerable<Sip2ClientRegistration> registrations)
    {
        if (address is null || registrations is null)
        {
            throw new ArgumentNullException(address is null ? nameof(address) : nameof(registrations));
        }

        var key = Sip2IPAddresses.Normalize(address);
        var rows = registrations.ToArray();
        if (Array.Exists(rows, r => !r.IPAddress.Equals(key)))
        {
            throw new ArgumentException("Every registration must be at the address replaced.", nameof(registrations));
        }

        var ids = new Dictionary<Guid, Sip2ClientRegistration>(byId);
        foreach (var old in RegistrationsAt(key))
        {
            ids.Remove(old.Id);
        }

        var addresses = new Dictionary<IPAddress, Sip2ClientRegistration[]>(byAddress);
        foreach (var row in rows)
        {
            if (ids.TryGetValue(row.Id, out var moved))
            {
                // The id was at another address in this snapshot: it is at this one now.
                addresses[moved.IPAddress] = addresses[moved.IPAddress].Where(r => r.Id != row.Id).ToArray();
                if (addresses[moved.IPAddress].Length == 0)
                {
                    addresses.Remove(moved.IPAddress);
                }
            }

            ids[row.Id] = row;
        }

        if (rows.Length == 0)
        {
            addresses.Remove(key);
        }
        else
        {
            addresses[key] = rows;
        }

        return new(ids, addresses, groups, institutions, branches, overrides);
    }

    /// <summary>This snapshot without the registration with that id.</summary>
    public Sip2RegistrySnapshot WithoutRegistration(Guid id)
    {
        if (GetRegistration(id) is not { } registration)
        {
            return this;
        }

        var ids = new Dictionary<Guid, Sip2ClientRegistration>(byId);
        ids.Remove(id);
        var addresses = new Dictionary<IPAddress, Sip2ClientRegistration[]>(byAddress);
        var rest = RegistrationsAt(registration.IPAddress).Where(r => r.Id != id).ToArray();
        if (rest.Length == 0)
        {
            addresses.Remove(registration.IPAddress);
        }
        else
        {
            addresses[registration.IPAddress] = rest;
        }

        return new(ids, addresses, groups, institutions, branches, overrides);
    }

    /// <summary>This snapshot with a group added or replaced.</summary>
    public Sip2RegistrySnapshot WithGroup(Sip2InstitutionGroup group) =>
        new(byId, byAddress, Put(groups, (group ?? throw new ArgumentNullException(nameof(group))).Id, group), institutions, branches, overrides);

    /// <summary>This snapshot without a group.</summary>
    public Sip2RegistrySnapshot WithoutGroup(string groupId) => new(byId, byAddress, Remove(groups, groupId), institutions, branches, overrides);

    /// <summary>This snapshot with an institution added or replaced.</summary>
    public Sip2RegistrySnapshot WithInstitution(Sip2Institution institution) =>
        new(byId, byAddress, groups, Put(institutions, (institution ?? throw new ArgumentNullException(nameof(institution))).Id, institution), branches, overrides);

    /// <summary>This snapshot without an institution and its custom messages.</summary>
    public Sip2RegistrySnapshot WithoutInstitution(string institutionId)
    {
        var remaining = overrides.Where(o => !Ids.Equals(o.Value.InstitutionId, institutionId)).ToDictionary(o => o.Key, o => o.Value, Ids);
        return new(byId, byAddress, groups, Remove(institutions, institutionId), branches, remaining);
    }

    /// <summary>This snapshot with a branch configuration added or replaced.</summary>
    public Sip2RegistrySnapshot WithBranchConfiguration(Sip2BranchConfiguration configuration)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        return new(byId, byAddress, groups, institutions, Put(branches, BranchKey(configuration.InstitutionId, configuration.BranchId), configuration), overrides);
    }

    /// <summary>This snapshot without a branch configuration.</summary>
    public Sip2RegistrySnapshot WithoutBranchConfiguration(string institutionId, string branchId) =>
        new(byId, byAddress, groups, institutions, Remove(branches, BranchKey(institutionId, branchId)), overrides);

    /// <summary>This snapshot with an institution's text for a scenario set, or removed when <paramref name="text"/> is null.</summary>
    public Sip2RegistrySnapshot WithOverride(string institutionId, Sip2MessageScenario scenario, string? text)
    {
        var key = OverrideKey(institutionId, scenario);
        var next = text is null
            ? Remove(overrides, key)
            : Put(overrides, key, new Sip2MessageOverride { InstitutionId = institutionId, Scenario = scenario, Text = text });
        return new(byId, byAddress, groups, institutions, branches, next);
    }

    // One string key per composite key: '/' cannot occur in an id (Sip2RegistryRules.CheckId).
    private static string BranchKey(string institutionId, string branchId) => institutionId + "/" + branchId;

    private static string OverrideKey(string institutionId, Sip2MessageScenario scenario) => institutionId + "/" + ((int)scenario).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, T> Put<T>(Dictionary<string, T> source, string key, T value)
    {
        var copy = new Dictionary<string, T>(source, Ids);
        copy.Remove(key); // a new spelling of the same id replaces the old one's key too
        copy[key] = value;
        return copy;
    }

    private static Dictionary<string, T> Remove<T>(Dictionary<string, T> source, string key)
    {
        if (!source.ContainsKey(key))
        {
            return source;
        }

        var copy = new Dictionary<string, T>(source, Ids);
        copy.Remove(key);
        return copy;
    }
}

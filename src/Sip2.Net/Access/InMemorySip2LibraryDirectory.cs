using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Resolution;

namespace Sip2.Net.Access;

/// <summary>A thread-safe <see cref="ISip2LibraryDirectory"/> kept in memory, for the sample host, tests and small sites.</summary>
public sealed class InMemorySip2LibraryDirectory : ISip2LibraryDirectory
{
    private readonly ConcurrentDictionary<string, Sip2InstitutionGroup> groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Sip2Institution> institutions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Institution, string Branch), Sip2BranchConfiguration> branches = new(BranchKeyComparer.Instance);

    /// <summary>Adds or replaces a group.</summary>
    public void SetGroup(Sip2InstitutionGroup group)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }

        RequireId(group.Id, nameof(group));
        groups[group.Id] = group;
    }

    /// <summary>Adds or replaces an institution; its group, when it names one, must exist.</summary>
    /// <exception cref="ArgumentException">The institution has no id, or names an unknown group.</exception>
    public void SetInstitution(Sip2Institution institution)
    {
        if (institution is null)
        {
            throw new ArgumentNullException(nameof(institution));
        }

        RequireId(institution.Id, nameof(institution));
        if (institution.GroupId is not null && !groups.ContainsKey(institution.GroupId))
        {
            throw new ArgumentException($"Unknown group '{institution.GroupId}'; add it first.", nameof(institution));
        }

        institutions[institution.Id] = institution;
    }

    /// <summary>Adds or replaces the SIP2 configuration of a branch; its institution must exist.</summary>
    /// <exception cref="ArgumentException">The configuration has no institution or branch id, or names an unknown institution.</exception>
    public void SetBranchConfiguration(Sip2BranchConfiguration configuration)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        RequireId(configuration.InstitutionId, nameof(configuration));
        RequireId(configuration.BranchId, nameof(configuration));
        if (!institutions.ContainsKey(configuration.InstitutionId))
        {
            throw new ArgumentException($"Unknown institution '{configuration.InstitutionId}'; add it first.", nameof(configuration));
        }

        branches[(configuration.InstitutionId, configuration.BranchId)] = configuration;
    }

    /// <summary>
    /// Removes a branch's configuration. Registrations for the branch stay, but no session can be bound to them
    /// until a configuration is set again.
    /// </summary>
    public bool RemoveBranchConfiguration(string institutionId, string branchId) =>
        institutionId is not null && branchId is not null && branches.TryRemove((institutionId, branchId), out _);

    /// <inheritdoc/>
    public ValueTask<Sip2Institution?> GetInstitutionAsync(string institutionId, CancellationToken cancellationToken = default) =>
        new(institutionId is not null && institutions.TryGetValue(institutionId, out var institution) ? institution : null);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2Institution>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Sip2Institution> members = groupId is null
            ? Array.Empty<Sip2Institution>()
            : institutions.Values.Where(i => string.Equals(i.GroupId, groupId, StringComparison.OrdinalIgnoreCase)).ToArray();
        return new(members);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2BranchConfiguration?> GetBranchConfigurationAsync(string institutionId, string branchId, CancellationToken cancellationToken = default) =>
        new(institutionId is not null && branchId is not null && branches.TryGetValue((institutionId, branchId), out var configuration) ? configuration : null);

    private static void RequireId(string id, string parameter)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("An id is required.", parameter);
        }
    }

    private sealed class BranchKeyComparer : IEqualityComparer<(string Institution, string Branch)>
    {
        public static readonly BranchKeyComparer Instance = new();

        public bool Equals((string Institution, string Branch) x, (string Institution, string Branch) y) =>
            string.Equals(x.Institution, y.Institution, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Branch, y.Branch, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Institution, string Branch) obj) =>
            (StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Institution) * 31) + StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Branch);
    }
}

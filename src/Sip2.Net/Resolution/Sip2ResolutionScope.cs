using System;
using System.Collections.Generic;
using System.Linq;

namespace Sip2.Net.Resolution;

/// <summary>
/// What a session may see: its institution, the institutions of that institution's group and the resolution
/// level of its registration. Immutable; built once when a session is bound.
/// </summary>
public sealed class Sip2ResolutionScope
{
    private readonly HashSet<string> groupMemberIds;

    /// <summary>Creates a scope.</summary>
    /// <param name="institutionId">The session's institution (AO).</param>
    /// <param name="level">The registration's resolution level.</param>
    /// <param name="groupId">The institution's group, or null when it belongs to none.</param>
    /// <param name="groupMemberIds">The ids of the group's institutions; the session's own institution is added when missing.</param>
    /// <exception cref="ArgumentException"><paramref name="institutionId"/> is null or empty.</exception>
    public Sip2ResolutionScope(string institutionId, Sip2ResolutionLevel level, string? groupId = null, IEnumerable<string>? groupMemberIds = null)
    {
        if (string.IsNullOrEmpty(institutionId))
        {
            throw new ArgumentException("An institution id is required.", nameof(institutionId));
        }

        InstitutionId = institutionId;
        Level = level;
        GroupId = groupId;

        // A set keeps membership checks cheap and case-insensitive, like every institution id comparison.
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { institutionId };
        if (groupMemberIds is not null)
        {
            members.UnionWith(groupMemberIds.Where(id => !string.IsNullOrEmpty(id)));
        }

        this.groupMemberIds = members;
    }

    /// <summary>The session's institution (AO).</summary>
    public string InstitutionId { get; }

    /// <summary>The resolution level of the session's registration.</summary>
    public Sip2ResolutionLevel Level { get; }

    /// <summary>The group of the session's institution, or null.</summary>
    public string? GroupId { get; }

    /// <summary>The institutions of the group, always including <see cref="InstitutionId"/>.</summary>
    public IReadOnlyCollection<string> GroupMemberIds => groupMemberIds;

    /// <summary>Whether <paramref name="institutionId"/> is the session's own institution (case-insensitive).</summary>
    public bool IsOwnInstitution(string? institutionId) =>
        institutionId is not null && string.Equals(institutionId, InstitutionId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="institutionId"/> is a member of the session institution's group (or the institution itself).</summary>
    public bool IsGroupMember(string? institutionId) =>
        institutionId is not null && groupMemberIds.Contains(institutionId);
}

using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Resolution;

namespace Sip2.Net.Access;

/// <summary>
/// The institutions, their groups and the branches' SIP2 configurations: what the registry checks a
/// registration against and what a session is bound with. Ids are compared case-insensitively.
/// </summary>
public interface ISip2LibraryDirectory
{
    /// <summary>The institution with that id, or null.</summary>
    ValueTask<Sip2Institution?> GetInstitutionAsync(string institutionId, CancellationToken cancellationToken = default);

    /// <summary>The institutions of a group; empty for an unknown group.</summary>
    ValueTask<IReadOnlyList<Sip2Institution>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>The SIP2 configuration of a branch, or null when it has none.</summary>
    ValueTask<Sip2BranchConfiguration?> GetBranchConfigurationAsync(string institutionId, string branchId, CancellationToken cancellationToken = default);
}

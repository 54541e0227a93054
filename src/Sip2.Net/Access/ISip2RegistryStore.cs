using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Resolution;

namespace Sip2.Net.Access;

/// <summary>
/// Everything an administrator edits, in one store: the client registrations (<see cref="ISip2ClientRegistry"/>),
/// the groups, institutions and branch SIP2 configurations (<see cref="ISip2LibraryDirectory"/>, plus their writes),
/// the institutions' custom screen messages (<see cref="ISip2MessageCatalog"/>, plus their writes) and the audit
/// trail of every change. The server reads it on every connect and login, so an implementation answers reads from
/// memory (a snapshot it keeps fresh) and never from a database round trip in the common case.
/// </summary>
/// <remarks>
/// Every write is checked with <see cref="Sip2RegistryRules"/> against the stored state at the moment of the write,
/// under whatever lock or transaction keeps concurrent writers (other threads, other server instances) from breaking
/// a rule. A refused write returns the error and leaves the store exactly as it was. Every accepted write appends
/// one <see cref="Sip2AuditEntry"/> naming the caller's <c>actor</c>; no password or password hash is ever written to
/// the audit trail. A write the backing database cannot take throws <see cref="Sip2RegistryStoreUnavailableException"/>
/// (nothing changed); reads keep answering from the last snapshot. Run the contract suite of Sip2.Net.Testing.Xunit
/// against an implementation.
/// </remarks>
public interface ISip2RegistryStore : ISip2ClientRegistry, ISip2LibraryDirectory, ISip2MessageCatalog
{
    /// <summary>
    /// Whether changes survive a restart of the process. The in-memory store says false, and the admin screens tell
    /// administrators so.
    /// </summary>
    bool IsDurable { get; }

    /// <summary>
    /// Prepares the store: creates or migrates its schema and loads its snapshot. The server's host calls it once,
    /// before the listener opens. Safe to call again (it then only re-reads the snapshot).
    /// </summary>
    /// <returns>True when this call created the store empty, so the host may seed it (a later start never does).</returns>
    ValueTask<bool> InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Whether the store is reachable and how fresh the snapshot that admissions read is.</summary>
    Sip2RegistryStoreStatus GetStatus();

    /// <summary>Every group of institutions, by id.</summary>
    ValueTask<IReadOnlyList<Sip2InstitutionGroup>> ListGroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds a group or replaces the one with the same id (case-insensitive).</summary>
    /// <returns>Null when stored; otherwise why not (the store is unchanged).</returns>
    ValueTask<Sip2RegistryError?> SaveGroupAsync(Sip2InstitutionGroup group, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a group; refused (<see cref="Sip2RegistryRule.StillReferenced"/>) while an institution belongs to it.</summary>
    ValueTask<Sip2RegistryError?> DeleteGroupAsync(string groupId, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Every institution, by id.</summary>
    ValueTask<IReadOnlyList<Sip2Institution>> ListInstitutionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an institution or replaces the one with the same id; the group it names must exist.</summary>
    ValueTask<Sip2RegistryError?> SaveInstitutionAsync(Sip2Institution institution, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes an institution (and its message overrides); refused while a branch configuration or a registration names it.</summary>
    ValueTask<Sip2RegistryError?> DeleteInstitutionAsync(string institutionId, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Every branch SIP2 configuration, by institution and branch.</summary>
    ValueTask<IReadOnlyList<Sip2BranchConfiguration>> ListBranchConfigurationsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a branch's SIP2 configuration or replaces it (same institution and branch, case-insensitive). The
    /// institution must exist. Sessions already bound keep the configuration they were bound with.
    /// </summary>
    ValueTask<Sip2RegistryError?> SaveBranchConfigurationAsync(Sip2BranchConfiguration configuration, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a branch's SIP2 configuration; refused while a registration is registered for the branch.</summary>
    ValueTask<Sip2RegistryError?> DeleteBranchConfigurationAsync(string institutionId, string branchId, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>The custom screen messages of an institution (only the scenarios it overrides).</summary>
    ValueTask<IReadOnlyList<Sip2MessageOverride>> ListMessageOverridesAsync(string institutionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets an institution's own text for a scenario, or with a null <paramref name="text"/> removes it (the default
    /// text applies again). The institution must exist; the text follows <see cref="Sip2RegistryRules.CheckMessageOverride"/>.
    /// </summary>
    ValueTask<Sip2RegistryError?> SetMessageOverrideAsync(string institutionId, Sip2MessageScenario scenario, string? text, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>The audit trail, newest first.</summary>
    /// <param name="limit">How many entries at most (1 to 1,000).</param>
    /// <param name="before">Only entries older than this <see cref="Sip2AuditEntry.Sequence"/>, to page back; null for the newest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<IReadOnlyList<Sip2AuditEntry>> ListAuditAsync(int limit = 100, long? before = null, CancellationToken cancellationToken = default);
}

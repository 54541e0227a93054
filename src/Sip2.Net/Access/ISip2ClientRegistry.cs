using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.Access;

/// <summary>
/// The store of client registrations. Every implementation must keep the registry rules of the model after
/// every operation, whatever the order and concurrency of operations: a refused operation returns a
/// <see cref="Sip2RegistryResult"/> carrying the <see cref="Sip2RegistryError"/> (rule and field) and leaves the
/// registry exactly as it was. Reads return immutable snapshots. Addresses are compared after normalisation
/// (an IPv4-mapped IPv6 address is its IPv4 address). Every write takes an <c>actor</c>: who makes the change, as
/// the caller names it, for the audit trail (<see cref="ISip2RegistryStore.ListAuditAsync"/>); null records it as
/// <c>unknown</c>. <see cref="Sip2RegistryRules"/> has every rule as a pure function, for implementations to share.
/// </summary>
public interface ISip2ClientRegistry
{
    /// <summary>
    /// Raised after each stored change. Handlers run on the thread that made the change, after the registry's
    /// lock is released; they must be quick and must not throw. The server ends the sessions of a registration
    /// on <see cref="Sip2RegistrationChangeKind.Deactivated"/> and <see cref="Sip2RegistrationChangeKind.Deleted"/>.
    /// A store shared by several server instances raises it on every instance, for changes made on any of them.
    /// </summary>
    event EventHandler<Sip2RegistrationChangedEventArgs>? RegistrationChanged;

    /// <summary>
    /// Stores a new registration. Its <see cref="Sip2ClientRegistration.Id"/> is assigned when empty; its
    /// password, when any, is given as a hash (<see cref="Sip2PasswordHash.Create(string)"/>), so no plain
    /// password crosses the registry.
    /// </summary>
    ValueTask<Sip2RegistryResult> CreateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>The registration with that id, or null.</summary>
    ValueTask<Sip2ClientRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Every registration.</summary>
    ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The registrations for an address (activated or not); empty for an address nobody registered.</summary>
    ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByAddressAsync(IPAddress address, CancellationToken cancellationToken = default);

    /// <summary>The registrations of an institution (compared case-insensitively).</summary>
    ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByInstitutionAsync(string institutionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the settings of a registration: description, institution, branch, vendor, encoding and
    /// resolution level. The address never changes (<see cref="Sip2RegistryRule.IPAddressImmutable"/>); the login
    /// id, password and activation have their own operations (<see cref="Sip2RegistryRule.DedicatedOperationRequired"/>).
    /// </summary>
    ValueTask<Sip2RegistryResult> UpdateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a registration; the result carries the registration as it was.</summary>
    ValueTask<Sip2RegistryResult> DeleteAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Activates a registration (a no-op, without an event, when it already is).</summary>
    ValueTask<Sip2RegistryResult> ActivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Deactivates a registration: it admits nothing until activated again (a no-op when already deactivated).</summary>
    ValueTask<Sip2RegistryResult> DeactivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets, changes or (with null or empty) removes the login id. A different login id clears the password
    /// unless <paramref name="newPassword"/> gives the new one in the same step — which a registration on a
    /// shared address must do, since rule 1 wants every one of them to keep a password. Setting the same login
    /// id again (same characters) changes nothing.
    /// </summary>
    ValueTask<Sip2RegistryResult> ChangeLoginIdAsync(Guid id, string? newLoginId, Sip2PasswordHash? newPassword = null, string? actor = null, CancellationToken cancellationToken = default);

    /// <summary>Sets the password of a registration that has a login id.</summary>
    ValueTask<Sip2RegistryResult> SetPasswordAsync(Guid id, Sip2PasswordHash password, string? actor = null, CancellationToken cancellationToken = default);
}

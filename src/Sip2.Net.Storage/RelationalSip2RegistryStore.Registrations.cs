using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Storage.Internal;

namespace Sip2.Net.Storage;

// The registration writes: each locks the registration's address, reads the stored registrations of that address
// inside the transaction, asks Sip2RegistryRules, and stores the outcome (the flow of InMemorySip2RegistryStore).
public abstract partial class RelationalSip2RegistryStore
{
    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> CreateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        var requested = registration.Id == Guid.Empty ? registration with { Id = Guid.NewGuid() } : registration;
        return WriteRegistrationAsync(async (transaction, token) =>
        {
            if (requested.IPAddress is not null)
            {
                await LockAddressAsync(transaction, requested.IPAddress, token).ConfigureAwait(false);
            }

            if (await RegistrationAsync(transaction, requested.Id, token).ConfigureAwait(false) is not null)
            {
                return Refusal(Sip2RegistryResult.Failure(Sip2RegistryRule.DuplicateId, nameof(Sip2ClientRegistration.Id), "A registration with this id already exists."));
            }

            IReadOnlyCollection<Sip2ClientRegistration> atAddress = requested.IPAddress is null
                ? Array.Empty<Sip2ClientRegistration>()
                : await RegistrationsAtAsync(transaction, requested.IPAddress, token).ConfigureAwait(false);
            var configured = await IsConfiguredAsync(transaction, requested, token).ConfigureAwait(false);
            return await StoreAsync(transaction, Sip2RegistryRules.Create(requested, atAddress, configured, options, vendors), null, token).ConfigureAwait(false);
        }, actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> UpdateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        return WriteRegistrationAsync(async (transaction, token) =>
            await LockedRegistrationAsync(transaction, registration.Id, token).ConfigureAwait(false) is { } existing
                ? await StoreAsync(transaction, Sip2RegistryRules.Update(registration, existing, await IsConfiguredAsync(transaction, registration, token).ConfigureAwait(false), vendors), existing, token).ConfigureAwait(false)
                : Refusal(Sip2RegistryRules.NotFound()), actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> DeleteAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteRegistrationAsync(async (transaction, token) =>
        {
            if (await LockedRegistrationAsync(transaction, id, token).ConfigureAwait(false) is not { } existing)
            {
                return Refusal(Sip2RegistryRules.NotFound());
            }

            await RegistryRows.Command(transaction, RegistrySql.DeleteRegistration).Id(database, id).RunAsync(token).ConfigureAwait(false);
            return new Written<Sip2RegistryResult>(
                Sip2RegistryResult.Success(existing, Sip2RegistrationChangeKind.Deleted), snapshot => snapshot.WithoutRegistration(id),
                Sip2AuditAction.RegistrationDeleted, id.ToString(), Sip2AuditDetails.Of(existing), RegistryChange.Registration(id),
                new Sip2RegistrationChangedEventArgs(Sip2RegistrationChangeKind.Deleted, existing, existing), existing.IPAddress);
        }, actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> ActivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        ById(id, existing => Sip2RegistryRules.SetActivated(existing, true), actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> DeactivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        ById(id, existing => Sip2RegistryRules.SetActivated(existing, false), actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> ChangeLoginIdAsync(Guid id, string? newLoginId, Sip2PasswordHash? newPassword = null, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteRegistrationAsync(async (transaction, token) =>
        {
            if (await LockedRegistrationAsync(transaction, id, token).ConfigureAwait(false) is not { } existing)
            {
                return Refusal(Sip2RegistryRules.NotFound());
            }

            var atAddress = await RegistrationsAtAsync(transaction, existing.IPAddress, token).ConfigureAwait(false);
            return await StoreAsync(transaction, Sip2RegistryRules.ChangeLoginId(existing, newLoginId, newPassword, atAddress), existing, token).ConfigureAwait(false);
        }, actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> SetPasswordAsync(Guid id, Sip2PasswordHash password, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (password is null)
        {
            throw new ArgumentNullException(nameof(password));
        }

        return ById(id, existing => Sip2RegistryRules.SetPassword(existing, password), actor, cancellationToken);
    }

    private ValueTask<Sip2RegistryResult> ById(Guid id, Func<Sip2ClientRegistration, Sip2RegistryResult> rule, string? actor, CancellationToken cancellationToken) =>
        WriteRegistrationAsync(async (transaction, token) =>
            await LockedRegistrationAsync(transaction, id, token).ConfigureAwait(false) is { } existing
                ? await StoreAsync(transaction, rule(existing), existing, token).ConfigureAwait(false)
                : Refusal(Sip2RegistryRules.NotFound()), actor, cancellationToken);

    private ValueTask<Sip2RegistryResult> WriteRegistrationAsync(
        Func<DbTransaction, CancellationToken, Task<Written<Sip2RegistryResult>>> operation, string? actor, CancellationToken cancellationToken) =>
        WriteAsync(WriteKind.Registration, Sip2RegistryResult.Failure, operation, actor, cancellationToken);

    // Registration writes exclude directory writes (shared), and each other per address (exclusive): rules 1 to 3
    // only ever look at one address, so writes to different addresses do not wait for each other.
    private async Task LockAddressAsync(DbTransaction transaction, IPAddress address, CancellationToken cancellationToken)
    {
        await database.LockDirectoryAsync(transaction, exclusive: false, cancellationToken).ConfigureAwait(false);
        await database.LockAddressAsync(transaction, RegistryKeys.Of(address), cancellationToken).ConfigureAwait(false);
    }

    // The stored registration, read again once its address is locked (it may have changed before the lock was taken;
    // its address never changes, but the id could have been deleted and created again elsewhere).
    private async Task<Sip2ClientRegistration?> LockedRegistrationAsync(DbTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        var found = await RegistrationAsync(transaction, id, cancellationToken).ConfigureAwait(false);
        while (found is not null)
        {
            await LockAddressAsync(transaction, found.IPAddress, cancellationToken).ConfigureAwait(false);
            var locked = await RegistrationAsync(transaction, id, cancellationToken).ConfigureAwait(false);
            if (locked is null || locked.IPAddress.Equals(found.IPAddress))
            {
                return locked;
            }

            found = locked;
        }

        return null;
    }

    private async Task<IReadOnlyCollection<Sip2ClientRegistration>> RegistrationsAtAsync(DbTransaction transaction, IPAddress address, CancellationToken cancellationToken) =>
        await RegistryRows.Command(transaction, RegistrySql.SelectRegistrationsByAddress).Text("ip_address", RegistryKeys.Of(address))
            .ReadAsync(row => RegistryRows.ReadRegistration(row, logger), cancellationToken).ConfigureAwait(false);

    private static async Task<bool> IsConfiguredAsync(DbTransaction transaction, Sip2ClientRegistration registration, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(registration.InstitutionId) && !string.IsNullOrEmpty(registration.BranchId)
        && await RegistryRows.Command(transaction, RegistrySql.CountBranchConfiguration).Branch(registration.InstitutionId, registration.BranchId)
            .CountAsync(cancellationToken).ConfigureAwait(false) > 0;

    private Written<Sip2RegistryResult> Refusal(Sip2RegistryResult result)
    {
        Refused(result.Error!);
        return new(result);
    }

    // The write a rule's outcome asks for: nothing for a refusal or a no-op, otherwise the row stored, its audit entry,
    // its notice and its event.
    private async Task<Written<Sip2RegistryResult>> StoreAsync(DbTransaction transaction, Sip2RegistryResult result, Sip2ClientRegistration? previous, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return Refusal(result);
        }

        if (result.Change is not { } kind)
        {
            return new(result);
        }

        var stored = result.Registration;
        var sql = kind == Sip2RegistrationChangeKind.Created ? RegistrySql.InsertRegistration : RegistrySql.UpdateRegistration;
        await RegistryRows.Command(transaction, sql).Registration(database, stored).RunAsync(cancellationToken).ConfigureAwait(false);
        return new(result, snapshot => snapshot.WithRegistration(stored), Sip2AuditDetails.ActionOf(kind), stored.Id.ToString(), Sip2AuditDetails.Of(stored),
            RegistryChange.Registration(stored.Id), new Sip2RegistrationChangedEventArgs(kind, stored, previous), stored.IPAddress);
    }
}

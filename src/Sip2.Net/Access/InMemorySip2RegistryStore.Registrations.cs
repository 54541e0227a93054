using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.Access;

// The registration writes: each reads the snapshot under the write lock, asks Sip2RegistryRules, and stores the outcome.
public sealed partial class InMemorySip2RegistryStore
{
    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> CreateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        var requested = registration.Id == Guid.Empty ? registration with { Id = Guid.NewGuid() } : registration;
        return WriteAsync(snapshot =>
        {
            if (snapshot.GetRegistration(requested.Id) is not null)
            {
                return Stored(Sip2RegistryResult.Failure(new Sip2RegistryError(Sip2RegistryRule.DuplicateId, nameof(Sip2ClientRegistration.Id), "A registration with this id already exists.")), snapshot, null);
            }

            var atAddress = requested.IPAddress is null ? Array.Empty<Sip2ClientRegistration>() : snapshot.RegistrationsAt(requested.IPAddress);
            var result = Sip2RegistryRules.Create(requested, atAddress, IsConfigured(snapshot, requested), options, vendors);
            return Stored(result, snapshot, null);
        }, actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> UpdateAsync(Sip2ClientRegistration registration, string? actor = null, CancellationToken cancellationToken = default)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        return WriteAsync(snapshot => snapshot.GetRegistration(registration.Id) is { } existing
            ? Stored(Sip2RegistryRules.Update(registration, existing, IsConfigured(snapshot, registration), vendors), snapshot, existing)
            : Stored(Sip2RegistryRules.NotFound(), snapshot, null), actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> DeleteAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteAsync(snapshot =>
        {
            if (snapshot.GetRegistration(id) is not { } existing)
            {
                return Stored(Sip2RegistryRules.NotFound(), snapshot, null);
            }

            var change = new Sip2RegistrationChangedEventArgs(Sip2RegistrationChangeKind.Deleted, existing, existing);
            return new Written<Sip2RegistryResult>(
                Sip2RegistryResult.Success(existing, Sip2RegistrationChangeKind.Deleted), snapshot.WithoutRegistration(id),
                Sip2AuditAction.RegistrationDeleted, id.ToString(), Sip2AuditDetails.Of(existing), change);
        }, actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> ActivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        ById(id, existing => Sip2RegistryRules.SetActivated(existing, true), actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> DeactivateAsync(Guid id, string? actor = null, CancellationToken cancellationToken = default) =>
        ById(id, existing => Sip2RegistryRules.SetActivated(existing, false), actor, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> ChangeLoginIdAsync(Guid id, string? newLoginId, Sip2PasswordHash? newPassword = null, string? actor = null, CancellationToken cancellationToken = default) =>
        WriteAsync(snapshot => snapshot.GetRegistration(id) is { } existing
            ? Stored(Sip2RegistryRules.ChangeLoginId(existing, newLoginId, newPassword, snapshot.RegistrationsAt(existing.IPAddress)), snapshot, existing)
            : Stored(Sip2RegistryRules.NotFound(), snapshot, null), actor, cancellationToken);

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
        WriteAsync(snapshot => snapshot.GetRegistration(id) is { } existing
            ? Stored(rule(existing), snapshot, existing)
            : Stored(Sip2RegistryRules.NotFound(), snapshot, null), actor, cancellationToken);

    private static bool IsConfigured(Sip2RegistrySnapshot snapshot, Sip2ClientRegistration registration) =>
        snapshot.GetBranchConfiguration(registration.InstitutionId, registration.BranchId) is not null;

    // The write a rule's outcome asks for: nothing for a refusal or a no-op, otherwise the registration stored, its
    // audit entry and its event.
    private Written<Sip2RegistryResult> Stored(Sip2RegistryResult result, Sip2RegistrySnapshot snapshot, Sip2ClientRegistration? previous)
    {
        if (!result.Succeeded)
        {
            Refused(result.Error);
            return new(result);
        }

        if (result.Change is not { } kind)
        {
            return new(result);
        }

        var stored = result.Registration;
        return new(result, snapshot.WithRegistration(stored), Sip2AuditDetails.ActionOf(kind), stored.Id.ToString(), Sip2AuditDetails.Of(stored),
            new Sip2RegistrationChangedEventArgs(kind, stored, previous));
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sip2.Net.Vendors;

namespace Sip2.Net.Access;

// SemaphoreSlim needs disposing only once its AvailableWaitHandle was used, which this class never does;
// so the registry does not have to be disposable.
#pragma warning disable CA1001
/// <summary>
/// An <see cref="ISip2ClientRegistry"/> kept in memory and safe under concurrent use. Writes are serialised by
/// one lock and publish a new immutable snapshot of the whole registry; reads take the current snapshot
/// without locking, so a reader never sees half an operation.
/// </summary>
public sealed partial class InMemorySip2ClientRegistry : ISip2ClientRegistry
#pragma warning restore CA1001
{
    private readonly ISip2LibraryDirectory directory;
    private readonly Sip2RegistryOptions options;
    private readonly Sip2VendorProfileCatalog vendors;
    private readonly ILogger logger;

    // An async lock because the branch check asks the directory, which may be a database; holding the lock
    // over that check makes "validate then store" one atomic step.
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private volatile Snapshot current = Snapshot.Empty;

    /// <summary>Creates an empty registry.</summary>
    /// <param name="directory">Where branch configurations are checked.</param>
    /// <param name="options">Which address ranges are allowed; null for the defaults (public addresses only).</param>
    /// <param name="vendors">The vendor profiles registrations may name; null for the built-in ones.</param>
    /// <param name="logger">A logger; null for none.</param>
    public InMemorySip2ClientRegistry(ISip2LibraryDirectory directory, Sip2RegistryOptions? options = null, Sip2VendorProfileCatalog? vendors = null, ILogger<InMemorySip2ClientRegistry>? logger = null)
    {
        this.directory = directory ?? throw new ArgumentNullException(nameof(directory));
        this.options = options ?? new Sip2RegistryOptions();
        this.vendors = vendors ?? new Sip2VendorProfileCatalog();
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc/>
    public event EventHandler<Sip2RegistrationChangedEventArgs>? RegistrationChanged;

    /// <inheritdoc/>
    public ValueTask<Sip2ClientRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default) =>
        new(current.ById.TryGetValue(id, out var registration) ? registration : null);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListAsync(CancellationToken cancellationToken = default) =>
        new(current.ById.Values.ToArray());

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByAddressAsync(IPAddress address, CancellationToken cancellationToken = default)
    {
        var key = Sip2IPAddresses.Normalize(address);
        return new(current.AtAddress(key).ToArray());
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByInstitutionAsync(string institutionId, CancellationToken cancellationToken = default)
    {
        if (institutionId is null)
        {
            throw new ArgumentNullException(nameof(institutionId));
        }

        return new(current.ById.Values.Where(r => string.Equals(r.InstitutionId, institutionId, StringComparison.OrdinalIgnoreCase)).ToArray());
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> CreateAsync(Sip2ClientRegistration registration, CancellationToken cancellationToken = default)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        return WriteAsync(async (snapshot, ct) =>
        {
            if (registration.IPAddress is null)
            {
                return Refuse(Sip2RegistryRule.InvalidValue, nameof(Sip2ClientRegistration.IPAddress), "An IP address is required.");
            }

            var candidate = registration with
            {
                Id = registration.Id == Guid.Empty ? Guid.NewGuid() : registration.Id,
                IPAddress = Sip2IPAddresses.Normalize(registration.IPAddress),
                LoginId = NormalizeLoginId(registration.LoginId),
            };

            if (snapshot.ById.ContainsKey(candidate.Id))
            {
                return Refuse(Sip2RegistryRule.DuplicateId, nameof(Sip2ClientRegistration.Id), "A registration with this id already exists.");
            }

            var error = CheckAddress(candidate.IPAddress) ?? CheckLoginId(candidate.LoginId) ?? await CheckSettingsAsync(candidate, ct).ConfigureAwait(false)
                ?? CheckSharing(candidate, snapshot.AtAddress(candidate.IPAddress), removingLoginId: false);
            return error is not null ? Refuse(error) : Commit(snapshot.Put(candidate), Sip2RegistrationChangeKind.Created, candidate, null);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> UpdateAsync(Sip2ClientRegistration registration, CancellationToken cancellationToken = default)
    {
        if (registration is null)
        {
            throw new ArgumentNullException(nameof(registration));
        }

        return WriteAsync(async (snapshot, ct) =>
        {
            if (!snapshot.ById.TryGetValue(registration.Id, out var existing))
            {
                return NotFound();
            }

            if (registration.IPAddress is null || !Sip2IPAddresses.Normalize(registration.IPAddress).Equals(existing.IPAddress))
            {
                return Refuse(Sip2RegistryRule.IPAddressImmutable, nameof(Sip2ClientRegistration.IPAddress),
                    "The IP address of a registration cannot change; delete the registration and create a new one.");
            }

            if (!string.Equals(NormalizeLoginId(registration.LoginId), existing.LoginId, StringComparison.Ordinal))
            {
                return Refuse(Sip2RegistryRule.DedicatedOperationRequired, nameof(Sip2ClientRegistration.LoginId), "Change the login id with ChangeLoginIdAsync.");
            }

            if (!Equals(registration.PasswordHash, existing.PasswordHash))
            {
                return Refuse(Sip2RegistryRule.DedicatedOperationRequired, nameof(Sip2ClientRegistration.PasswordHash), "Set the password with SetPasswordAsync.");
            }

            if (registration.Activated != existing.Activated)
            {
                return Refuse(Sip2RegistryRule.DedicatedOperationRequired, nameof(Sip2ClientRegistration.Activated), "Use ActivateAsync or DeactivateAsync.");
            }

            // Only the settings are taken from the caller; identity, credentials and activation stay as stored.
            var candidate = existing with
            {
                Description = registration.Description,
                InstitutionId = registration.InstitutionId,
                BranchId = registration.BranchId,
                Vendor = registration.Vendor,
                Encoding = registration.Encoding,
                ResolutionLevel = registration.ResolutionLevel,
            };

            if (candidate == existing)
            {
                return Sip2RegistryResult.Success(existing);
            }

            var error = await CheckSettingsAsync(candidate, ct).ConfigureAwait(false);
            return error is not null ? Refuse(error) : Commit(snapshot.Put(candidate), Sip2RegistrationChangeKind.Updated, candidate, existing);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        WriteAsync((snapshot, _) => new ValueTask<Sip2RegistryResult>(snapshot.ById.TryGetValue(id, out var existing)
            ? Commit(snapshot.Remove(existing), Sip2RegistrationChangeKind.Deleted, existing, existing)
            : NotFound()), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> ActivateAsync(Guid id, CancellationToken cancellationToken = default) =>
        SetActivatedAsync(id, true, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> DeactivateAsync(Guid id, CancellationToken cancellationToken = default) =>
        SetActivatedAsync(id, false, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> ChangeLoginIdAsync(Guid id, string? newLoginId, Sip2PasswordHash? newPassword = null, CancellationToken cancellationToken = default) =>
        WriteAsync((snapshot, _) =>
        {
            if (!snapshot.ById.TryGetValue(id, out var existing))
            {
                return new(NotFound());
            }

            var loginId = NormalizeLoginId(newLoginId);
            if (CheckLoginId(loginId) is { } invalid)
            {
                return new(Refuse(invalid));
            }

            if (loginId is null && newPassword is not null)
            {
                return new(Refuse(Sip2RegistryRule.PasswordRequiresLoginId, nameof(Sip2ClientRegistration.PasswordHash), "A password needs a login id."));
            }

            if (string.Equals(loginId, existing.LoginId, StringComparison.Ordinal))
            {
                // The same login id: nothing to clear. A password given along is simply set.
                if (newPassword is null)
                {
                    return new(Sip2RegistryResult.Success(existing));
                }

                var withPassword = existing with { PasswordHash = newPassword };
                return new(Commit(snapshot.Put(withPassword), Sip2RegistrationChangeKind.PasswordSet, withPassword, existing));
            }

            // A new login id never inherits the old password: until one is set, the registration cannot authenticate.
            var candidate = existing with { LoginId = loginId, PasswordHash = newPassword };
            var error = CheckSharing(candidate, snapshot.AtAddress(existing.IPAddress).Where(r => r.Id != id).ToArray(), removingLoginId: loginId is null);
            return new(error is not null ? Refuse(error) : Commit(snapshot.Put(candidate), Sip2RegistrationChangeKind.LoginChanged, candidate, existing));
        }, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Sip2RegistryResult> SetPasswordAsync(Guid id, Sip2PasswordHash password, CancellationToken cancellationToken = default)
    {
        if (password is null)
        {
            throw new ArgumentNullException(nameof(password));
        }

        return WriteAsync((snapshot, _) =>
        {
            if (!snapshot.ById.TryGetValue(id, out var existing))
            {
                return new(NotFound());
            }

            if (existing.LoginId is null)
            {
                return new(Refuse(Sip2RegistryRule.PasswordRequiresLoginId, nameof(Sip2ClientRegistration.PasswordHash), "A password needs a login id; set one first."));
            }

            var candidate = existing with { PasswordHash = password };
            return new(Commit(snapshot.Put(candidate), Sip2RegistrationChangeKind.PasswordSet, candidate, existing));
        }, cancellationToken);
    }

    private ValueTask<Sip2RegistryResult> SetActivatedAsync(Guid id, bool activated, CancellationToken cancellationToken) =>
        WriteAsync((snapshot, _) =>
        {
            if (!snapshot.ById.TryGetValue(id, out var existing))
            {
                return new(NotFound());
            }

            if (existing.Activated == activated)
            {
                return new(Sip2RegistryResult.Success(existing));
            }

            var candidate = existing with { Activated = activated };
            return new(Commit(snapshot.Put(candidate), activated ? Sip2RegistrationChangeKind.Activated : Sip2RegistrationChangeKind.Deactivated, candidate, existing));
        }, cancellationToken);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sip2.Net.Resolution;
using Sip2.Net.Vendors;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Access;

// SemaphoreSlim needs disposing only once its AvailableWaitHandle was used, which this class never does;
// so the store does not have to be disposable.
#pragma warning disable CA1001
/// <summary>
/// An <see cref="ISip2RegistryStore"/> kept in memory: the default of the server and the sample host, for tests and
/// small sites. Every rule holds under concurrent use: writes are serialised by one lock and publish a new
/// <see cref="Sip2RegistrySnapshot"/>; reads take the current snapshot without locking. Nothing survives a restart
/// (<see cref="IsDurable"/> is false); the audit trail keeps the newest <see cref="AuditCapacity"/> entries.
/// </summary>
public sealed partial class InMemorySip2RegistryStore : ISip2RegistryStore
#pragma warning restore CA1001
{
    /// <summary>How many audit entries are kept; older ones are dropped.</summary>
    public const int AuditCapacity = 10_000;

    private readonly Sip2RegistryOptions options;
    private readonly Sip2VendorProfileCatalog vendors;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly Queue<Sip2AuditEntry> audit = new();
    private volatile Sip2RegistrySnapshot current = Sip2RegistrySnapshot.Empty;
    private long auditSequence;
    private int initialized;
    private long synchronizedTicks; // UTC ticks of the last change, read by status checks on any thread

    /// <summary>Creates an empty store.</summary>
    /// <param name="options">Which address ranges may be registered; null for the defaults (public addresses only).</param>
    /// <param name="vendors">The vendor profiles registrations may name; null for the built-in ones.</param>
    /// <param name="timeProvider">The clock of the audit trail; null for the system clock.</param>
    /// <param name="logger">A logger; null for none.</param>
    public InMemorySip2RegistryStore(Sip2RegistryOptions? options = null, Sip2VendorProfileCatalog? vendors = null, TimeProvider? timeProvider = null, ILogger<InMemorySip2RegistryStore>? logger = null)
    {
        this.options = options ?? new Sip2RegistryOptions();
        this.vendors = vendors ?? new Sip2VendorProfileCatalog();
        time = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        synchronizedTicks = time.GetUtcNow().UtcTicks;
    }

    /// <inheritdoc/>
    public event EventHandler<Sip2RegistrationChangedEventArgs>? RegistrationChanged;

    /// <inheritdoc/>
    public bool IsDurable => false;

    /// <summary>The current snapshot of everything in the store.</summary>
    public Sip2RegistrySnapshot Snapshot => current;

    /// <inheritdoc/>
    public ValueTask<bool> InitializeAsync(CancellationToken cancellationToken = default) =>
        new(Interlocked.Exchange(ref initialized, 1) == 0); // created empty with the process: the host seeds it once

    /// <inheritdoc/>
    public Sip2RegistryStoreStatus GetStatus() => new() { IsReachable = true, SynchronizedAt = new DateTimeOffset(Interlocked.Read(ref synchronizedTicks), TimeSpan.Zero) };

    /// <inheritdoc/>
    public ValueTask<Sip2ClientRegistration?> GetAsync(Guid id, CancellationToken cancellationToken = default) => new(current.GetRegistration(id));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListAsync(CancellationToken cancellationToken = default) =>
        new(current.Registrations.ToArray());

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByAddressAsync(IPAddress address, CancellationToken cancellationToken = default) =>
        new(current.RegistrationsAt(address));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2ClientRegistration>> ListByInstitutionAsync(string institutionId, CancellationToken cancellationToken = default)
    {
        if (institutionId is null)
        {
            throw new ArgumentNullException(nameof(institutionId));
        }

        return new(current.Registrations.Where(r => string.Equals(r.InstitutionId, institutionId, StringComparison.OrdinalIgnoreCase)).ToArray());
    }

    /// <inheritdoc/>
    public ValueTask<Sip2Institution?> GetInstitutionAsync(string institutionId, CancellationToken cancellationToken = default) =>
        new(current.GetInstitution(institutionId));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2Institution>> GetGroupMembersAsync(string groupId, CancellationToken cancellationToken = default) =>
        new(current.GroupMembers(groupId));

    /// <inheritdoc/>
    public ValueTask<Sip2BranchConfiguration?> GetBranchConfigurationAsync(string institutionId, string branchId, CancellationToken cancellationToken = default) =>
        new(current.GetBranchConfiguration(institutionId, branchId));

    /// <inheritdoc/>
    public string GetText(Sip2MessageScenario scenario, string? institutionId) =>
        current.GetOverride(institutionId, scenario) ?? Sip2MessageCatalog.GetDefaultText(scenario);

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2InstitutionGroup>> ListGroupsAsync(CancellationToken cancellationToken = default) =>
        new(current.Groups.OrderBy(g => g.Id, StringComparer.OrdinalIgnoreCase).ToArray());

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2Institution>> ListInstitutionsAsync(CancellationToken cancellationToken = default) =>
        new(current.Institutions.OrderBy(i => i.Id, StringComparer.OrdinalIgnoreCase).ToArray());

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2BranchConfiguration>> ListBranchConfigurationsAsync(CancellationToken cancellationToken = default) =>
        new(current.BranchConfigurations.OrderBy(b => b.InstitutionId, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.BranchId, StringComparer.OrdinalIgnoreCase).ToArray());

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2MessageOverride>> ListMessageOverridesAsync(string institutionId, CancellationToken cancellationToken = default) =>
        new(current.OverridesOf(institutionId ?? throw new ArgumentNullException(nameof(institutionId))));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<Sip2AuditEntry>> ListAuditAsync(int limit = 100, long? before = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "1 to 1,000 entries.");
        }

        lock (audit)
        {
            IReadOnlyList<Sip2AuditEntry> entries = audit.Reverse().Where(e => before is null || e.Sequence < before).Take(limit).ToArray();
            return new(entries);
        }
    }

    // One write: under the lock, `operation` reads the current snapshot and returns the next one (or null when it
    // refuses or changes nothing), the audit entry and the event to raise. The event is raised after the lock is
    // released, so a handler may read or even write the store without dead-locking.
    private async ValueTask<T> WriteAsync<T>(Func<Sip2RegistrySnapshot, Written<T>> operation, string? actor, CancellationToken cancellationToken)
    {
        Written<T> written;
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            written = operation(current);
            if (written.Next is { } next)
            {
                current = next;
                var now = time.GetUtcNow();
                Interlocked.Exchange(ref synchronizedTicks, now.UtcTicks);
                Append(now, actor, written);
            }
        }
        finally
        {
            writeLock.Release();
        }

        if (written.Change is { } change)
        {
            Log.RegistrationChanged(logger, change.Kind, change.Registration.Id, change.Registration.IPAddress);
            Raise(change);
        }

        return written.Result;
    }

    private void Append<T>(DateTimeOffset now, string? actor, Written<T> written)
    {
        lock (audit)
        {
            audit.Enqueue(new Sip2AuditEntry
            {
                Sequence = ++auditSequence,
                Time = now,
                Actor = Sip2AuditDetails.Actor(actor),
                Action = written.Action,
                Subject = written.Subject,
                Details = written.Details,
            });

            while (audit.Count > AuditCapacity)
            {
                audit.Dequeue();
            }
        }
    }

#pragma warning disable CA1031 // A failing subscriber must not undo or hide a change that is already stored.
    private void Raise(Sip2RegistrationChangedEventArgs change)
    {
        try
        {
            RegistrationChanged?.Invoke(this, change);
        }
        catch (Exception exception)
        {
            Log.RegistrationChangedHandlerFailed(logger, exception, change.Kind, change.Registration.Id);
        }
    }
#pragma warning restore CA1031

    private Sip2RegistryError Refused(Sip2RegistryError error)
    {
        Log.RegistryOperationRefused(logger, error.Rule, error.Field);
        return error;
    }

    // What one write did: the result for the caller, and, when it changed the store, the next snapshot, what the
    // audit trail records, and the registration event (for registration changes).
    private readonly record struct Written<T>(T Result, Sip2RegistrySnapshot? Next = null, Sip2AuditAction Action = default, string Subject = "", string Details = "", Sip2RegistrationChangedEventArgs? Change = null);
}

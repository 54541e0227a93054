using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Access;
using Sip2.Net.Storage.Internal;

namespace Sip2.Net.Storage;

// One write: a transaction that reads, checks, writes, audits and notifies; a commit that moves the snapshot on.
public abstract partial class RelationalSip2RegistryStore
{
    // `operation` reads what it needs inside the transaction (taking the locks it needs first), asks the rules, and
    // writes its row; it returns the caller's result and, when it changed something, how the snapshot changes, what
    // the audit trail records, what the other instances are told and the registration event. A refusal or a no-op
    // rolls back. A violated constraint is the refusal of the rule it stands for; an unreachable database throws
    // Sip2RegistryStoreUnavailableException; in both cases nothing was stored.
    private async ValueTask<T> WriteAsync<T>(
        WriteKind kind, Func<Sip2RegistryError, T> refusal, Func<DbTransaction, CancellationToken, Task<Written<T>>> operation, string? actor, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (Volatile.Read(ref started) == 0)
        {
            throw new InvalidOperationException("Call InitializeAsync before writing to the store: it creates the schema and loads the snapshot.");
        }

        Written<T> written;
        List<Sip2RegistrationChangedEventArgs>? learned = null;
        try
        {
            var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = await database.BeginAsync(connection, write: true, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    written = await operation(transaction, cancellationToken).ConfigureAwait(false);
                    if (written.Apply is null)
                    {
                        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                        return written.Result;
                    }

                    // The address's registrations as this write leaves them, other instances' earlier writes included:
                    // the snapshot takes them whole, so it never holds this write next to an older row of the address.
                    var atAddress = written.Address is { } address
                        ? await RegistrationsAtAsync(transaction, address, cancellationToken).ConfigureAwait(false)
                        : null;

                    await RegistryRows.Command(transaction, RegistrySql.InsertAudit)
                        .Time("changed_at", time.GetUtcNow())
                        .Text("actor", Sip2AuditDetails.Actor(actor))
                        .Int("action", (int)written.Action)
                        .Text("subject", written.Subject)
                        .Text("details", written.Details)
                        .RunAsync(cancellationToken).ConfigureAwait(false);
                    await database.NotifyAsync(transaction, written.Notice, cancellationToken).ConfigureAwait(false);

                    await snapshotLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        // Not cancelled once begun: a commit cut short would leave the caller not knowing what was stored.
                        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                        var before = current;
                        current = written.Apply(current);
                        if (atAddress is not null)
                        {
                            current = current.WithRegistrationsAt(written.Address!, atAddress);
                            learned = SnapshotDiff.Changes(before, current, AddressIds(before, current, written.Address!, written.Change?.Registration.Id));
                        }
                        if (database.WritesReportReachability)
                        {
                            health.Reachable();
                        }
                    }
                    finally
                    {
                        snapshotLock.Release();
                    }
                }
            }
        }
        catch (Exception exception) when (Constraint(exception) is { } failure)
        {
            return refusal(Refused(ConstraintErrors.Map(failure, kind)));
        }
        catch (Exception exception) when (Unavailable(exception) is { } unavailable)
        {
            throw unavailable;
        }

        // Another instance's changes at the address that this write brought in are older: raised first.
        if (learned is { Count: > 0 })
        {
            Raise(learned);
        }

        if (written.Change is { } change)
        {
            Raise([change]);
        }

        return written.Result;
    }

    // The ids at an address in either snapshot, but the one a write changed itself (its event is the write's own).
    private static IEnumerable<Guid> AddressIds(Sip2RegistrySnapshot before, Sip2RegistrySnapshot after, IPAddress address, Guid? except) =>
        before.RegistrationsAt(address).Concat(after.RegistrationsAt(address)).Select(r => r.Id).Where(id => id != except).Distinct();

    private DatabaseFailure? Constraint(Exception exception) =>
        exception is OperationCanceledException ? null
        : database.Classify(exception) is { Kind: DatabaseFailureKind.UniqueViolation or DatabaseFailureKind.ForeignKeyViolation or DatabaseFailureKind.CheckViolation } failure ? failure
        : null;

    private Sip2RegistryError Refused(Sip2RegistryError error)
    {
        Log.RegistryOperationRefused(logger, error.Rule, error.Field);
        return error;
    }

    // What one write did: the result for the caller and, when it changed the store, how the snapshot changes, the audit
    // entry, the notice for the other instances and, for registration changes, the event and the address written.
    private readonly record struct Written<T>(
        T Result,
        Func<Sip2RegistrySnapshot, Sip2RegistrySnapshot>? Apply = null,
        Sip2AuditAction Action = default,
        string Subject = "",
        string Details = "",
        RegistryChange Notice = default,
        Sip2RegistrationChangedEventArgs? Change = null,
        IPAddress? Address = null);
}

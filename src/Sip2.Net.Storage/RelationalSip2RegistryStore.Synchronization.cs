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

// The schema and the snapshot: migrating on start, full re-reads, and re-reading what another instance changed.
public abstract partial class RelationalSip2RegistryStore
{
    /// <summary>
    /// Re-reads everything in one consistent read, replaces the snapshot and raises an event for every registration
    /// that differs from the snapshot it replaces (none on the first load). Marks the store reachable.
    /// </summary>
    internal async Task ResynchronizeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        List<Sip2RegistrationChangedEventArgs> changes;
        await snapshotLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Sip2RegistrySnapshot next;
            var transaction = await database.BeginAsync(connection, write: false, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var directory = await ReadDirectoryAsync(transaction, cancellationToken).ConfigureAwait(false);
                var registrations = await RegistryRows.Command(transaction, RegistrySql.SelectRegistrations)
                    .ReadAsync(row => RegistryRows.ReadRegistration(row, logger), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                next = Sip2RegistrySnapshot.Create(directory.Groups, directory.Institutions, directory.BranchConfigurations, registrations, directory.MessageOverrides);
            }

            var before = current;
            current = next;
            changes = loaded ? SnapshotDiff.Changes(before, next, SnapshotDiff.Ids(before, next)) : [];
            loaded = true;
            health.Reachable();
        }
        finally
        {
            snapshotLock.Release();
        }

        Raise(changes);
    }

    /// <summary>Re-reads what the changes name (registrations by id, the directory whole) and raises the events for what differs.</summary>
    internal async Task ApplyAsync(DbConnection connection, IReadOnlyCollection<RegistryChange> changes, CancellationToken cancellationToken)
    {
        var ids = changes.Where(c => c.RegistrationId is not null).Select(c => c.RegistrationId!.Value).Distinct().ToArray();
        var touched = new HashSet<Guid>(ids);
        List<Sip2RegistrationChangedEventArgs> events;
        await snapshotLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var next = current;
            var transaction = await database.BeginAsync(connection, write: false, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (changes.Any(c => c.RegistrationId is null))
                {
                    var directory = await ReadDirectoryAsync(transaction, cancellationToken).ConfigureAwait(false);
                    next = Sip2RegistrySnapshot.Create(directory.Groups, directory.Institutions, directory.BranchConfigurations, next.Registrations, directory.MessageOverrides);
                }

                // Each named registration's address, as it was and as it is, is re-read whole (in this one consistent
                // read): an address never shows a newer row next to an older one, so its rules hold in every snapshot.
                var addresses = new HashSet<IPAddress>();
                foreach (var id in ids)
                {
                    if (next.GetRegistration(id) is { } known)
                    {
                        addresses.Add(known.IPAddress);
                    }

                    if (await RegistrationAsync(transaction, id, cancellationToken).ConfigureAwait(false) is { } row)
                    {
                        addresses.Add(row.IPAddress);
                    }
                }

                foreach (var address in addresses)
                {
                    touched.UnionWith(next.RegistrationsAt(address).Select(r => r.Id));
                    next = next.WithRegistrationsAt(address, await RegistrationsAtAsync(transaction, address, cancellationToken).ConfigureAwait(false));
                    touched.UnionWith(next.RegistrationsAt(address).Select(r => r.Id));
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            var before = current;
            current = next;
            events = SnapshotDiff.Changes(before, next, touched);
            health.Synchronized();
        }
        finally
        {
            snapshotLock.Release();
        }

        Raise(events);
    }

    // Applies every migration not yet applied, each in its own transaction with its version row; true when this call
    // applied the first one (it created the schema, so the host may seed the store).
    private async Task<bool> MigrateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var created = false;
        var guard = await database.LockSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (guard.ConfigureAwait(false))
        {
            using (var create = connection.CreateCommand())
            {
                create.CommandText = database.CreateMigrationsTable;
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            for (var version = 1; version <= database.Migrations.Count; version++)
            {
                var transaction = await database.BeginAsync(connection, write: true, cancellationToken).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    // Checked inside the write transaction, so of two instances migrating at once only one applies it.
                    if (await RegistryRows.Command(transaction, RegistrySql.CountMigration).Int("version", version).CountAsync(cancellationToken).ConfigureAwait(false) > 0)
                    {
                        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    await RegistryRows.Command(transaction, database.Migrations[version - 1]).RunAsync(cancellationToken).ConfigureAwait(false);
                    await RegistryRows.Command(transaction, RegistrySql.InsertMigration).Int("version", version).Time("applied_at", time.GetUtcNow())
                        .RunAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }

                created |= version == 1;
                Log.SchemaMigrated(logger, version, database.Name);
            }
        }

        return created;
    }

    // Groups, institutions, branch configurations and custom messages: a snapshot without registrations.
    private static async Task<Sip2RegistrySnapshot> ReadDirectoryAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var groups = await RegistryRows.Command(transaction, RegistrySql.SelectGroups).ReadAsync(RegistryRows.ReadGroup, cancellationToken).ConfigureAwait(false);
        var institutions = await RegistryRows.Command(transaction, RegistrySql.SelectInstitutions).ReadAsync(RegistryRows.ReadInstitution, cancellationToken).ConfigureAwait(false);
        var branches = await RegistryRows.Command(transaction, RegistrySql.SelectBranchConfigurations).ReadAsync(RegistryRows.ReadBranchConfiguration, cancellationToken).ConfigureAwait(false);
        var overrides = await RegistryRows.Command(transaction, RegistrySql.SelectMessageOverrides).ReadAsync(RegistryRows.ReadMessageOverride, cancellationToken).ConfigureAwait(false);
        return Sip2RegistrySnapshot.Create(groups, institutions, branches, [], overrides);
    }

    private async Task<Sip2ClientRegistration?> RegistrationAsync(DbTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        (await RegistryRows.Command(transaction, RegistrySql.SelectRegistrationById).Id(database, id)
            .ReadAsync(row => RegistryRows.ReadRegistration(row, logger), cancellationToken).ConfigureAwait(false)).FirstOrDefault();

#pragma warning disable CA1031 // A failing subscriber must not undo or hide a change that is already stored.
    private void Raise(IEnumerable<Sip2RegistrationChangedEventArgs> changes)
    {
        foreach (var change in changes)
        {
            Log.RegistrationChanged(logger, change.Kind, change.Registration.Id, change.Registration.IPAddress);
            try
            {
                RegistrationChanged?.Invoke(this, change);
            }
            catch (Exception exception)
            {
                Log.RegistrationChangedHandlerFailed(logger, exception, change.Kind, change.Registration.Id);
            }
        }
    }
#pragma warning restore CA1031
}

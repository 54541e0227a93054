using Microsoft.Data.Sqlite;
using Sip2.Net.Access;
using Sip2.Net.Sqlite;
using static Sip2.Net.Storage.Tests.Contract.Seed;

namespace Sip2.Net.Storage.Tests;

/// <summary>What is particular to the SQLite store: its file, its mode, a busy database, what it shares with the PostgreSQL one.</summary>
public sealed class SqliteStoreTests
{
    [Fact]
    public async Task The_file_is_created_with_its_schema_in_write_ahead_log_mode()
    {
        await using var database = new SqliteTestDatabase();
        Assert.False(File.Exists(database.Path));
        var store = await database.OpenAsync();
        Assert.True(File.Exists(database.Path));
        Assert.True(store.IsDurable);

        using var connection = database.Connect();
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)mode.ExecuteScalar());
        using var versions = connection.CreateCommand();
        versions.CommandText = "SELECT group_concat(version) FROM sip2_schema_migrations";
        Assert.Equal("1", Convert.ToString(versions.ExecuteScalar()));
    }

    [Fact]
    public async Task A_connection_string_works_as_well_as_a_path()
    {
        await using var database = new SqliteTestDatabase();
        await using var store = new SqliteSip2RegistryStore($"Data Source={database.Path};Cache=Private");
        Assert.True(await store.InitializeAsync());
        await DirectoryAsync(store);
        await using var again = new SqliteSip2RegistryStore(database.Path);
        Assert.False(await again.InitializeAsync());
        Assert.Equal(3, (await again.ListBranchConfigurationsAsync()).Count);
    }

    [Fact]
    public async Task A_write_kept_waiting_past_the_busy_timeout_fails_as_unavailable_changes_nothing_and_is_logged_once()
    {
        await using var database = new SqliteTestDatabase { StoreOptions = new SqliteSip2RegistryStoreOptions { BusyTimeout = TimeSpan.FromMilliseconds(200) } };
        var logs = new CapturingLoggerProvider();
        var store = await database.OpenAsync(new StoreSettings { Logs = logs });
        await DirectoryAsync(store);
        var kiosk = await CreateAsync(store, Registration(Kiosk));
        var before = await StateAsync(store);

        // Another writer holds the database's write lock.
        using (var other = database.Connect())
        {
            using var hold = other.BeginTransaction(deferred: false);
            var refused = await Assert.ThrowsAsync<Sip2RegistryStoreUnavailableException>(async () => await store.DeactivateAsync(kiosk.Id));
            Assert.Contains("SQLite", refused.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<Sip2RegistryStoreUnavailableException>(async () => await store.SaveGroupAsync(new Resolution.Sip2InstitutionGroup { Id = "H" }));

            var status = store.GetStatus();
            Assert.False(status.IsReachable);
            Assert.Contains("SQLite error 5", status.Problem, StringComparison.Ordinal);
            Assert.True((await store.GetAsync(kiosk.Id))!.Activated); // reads answer from the snapshot meanwhile
            hold.Rollback();
        }

        Assert.Equal(before, await StateAsync(store));
        Assert.Equal(Sip2RegistrationChangeKind.Deactivated, (await store.DeactivateAsync(kiosk.Id)).Change);
        Assert.True(store.GetStatus().IsReachable);
        Assert.Single(logs.Lines, l => l.StartsWith("Warning 2050 ", StringComparison.Ordinal));
        Assert.Single(logs.Lines, l => l.StartsWith("Information 2051 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_constraint_the_rules_could_not_see_refuses_with_the_rule_it_stands_for()
    {
        await using var database = new SqliteTestDatabase();
        using var connection = database.Connect(); // foreign keys off, as any tool's connection: it can write what the store never would
        await BehindTheStore.ConstraintsStandBehindTheRulesAsync(database, sql => BehindTheStore.ExecuteAsync(connection, sql), $"'{Guid.NewGuid()}'", "1");
    }

    [Fact]
    public async Task Reads_come_from_the_snapshot_and_a_second_initialisation_re_reads_it()
    {
        await using var database = new SqliteTestDatabase();
        using var connection = database.Connect();
        await BehindTheStore.ReadsComeFromTheSnapshotAsync(database, sql => BehindTheStore.ExecuteAsync(connection, sql));
    }

    [Fact]
    public async Task Writing_before_initialising_is_a_mistake_of_the_caller()
    {
        await using var database = new SqliteTestDatabase();
        var store = database.Open();
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.CreateAsync(Registration(Kiosk)));
        Assert.False(File.Exists(database.Path));
    }
}

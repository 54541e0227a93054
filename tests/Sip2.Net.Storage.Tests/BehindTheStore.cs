using System.Data.Common;
using Sip2.Net.Access;
using Sip2.Net.Resolution;
using static Sip2.Net.Storage.Tests.Contract.Seed;

namespace Sip2.Net.Storage.Tests;

/// <summary>
/// Checks shared by the SQLite and PostgreSQL tests that write rows past the store, with a connection of their own:
/// the constraints stand behind the rules, and reads come from the snapshot, not from the database.
/// </summary>
internal static class BehindTheStore
{
    /// <summary>
    /// A registration whose stored login key disagrees with its login id (written by hand) lets the rules pass a
    /// second "k1"; the unique index refuses it, and the refusal is the rule's, with its field, not an exception.
    /// Likewise an institution whose key disagrees with its id: the branch configuration's foreign key refuses.
    /// </summary>
    /// <param name="database">The database the store and the connection share.</param>
    /// <param name="execute">Runs a statement on the connection past the store.</param>
    /// <param name="id">A new registration id as an SQL literal of the database's id type.</param>
    /// <param name="yes">True as an SQL literal of the database's boolean columns.</param>
    public static async Task ConstraintsStandBehindTheRulesAsync(StoreDatabase database, Func<string, Task> execute, string id, string yes)
    {
        var store = await database.OpenAsync();
        await DirectoryAsync(store);
        var hash = Hash("pw").ToStoredString();
        await execute(
            "INSERT INTO sip2_registrations (id, ip_address, login_id, login_key, password_hash, institution_id, institution_key, branch_id, branch_key, vendor, encoding, resolution_level, activated) " +
            $"VALUES ({id}, '{Shared}', 'x', 'K1', '{hash}', 'A', 'A', 'MAIN', 'MAIN', 'Default', 0, 0, {yes})");
        await execute("INSERT INTO sip2_institutions (institution_key, id, name) VALUES ('Y', 'X', 'Key and id disagree')");
        await store.InitializeAsync(); // the snapshot sees both rows
        var before = await StateAsync(store);

        var duplicate = await store.CreateAsync(Registration(Shared, "k1", "pw"));
        Assert.Equal(Sip2RegistryRule.LoginIdUniquePerAddress, duplicate.Error?.Rule);
        Assert.Equal(nameof(Sip2ClientRegistration.LoginId), duplicate.Error?.Field);

        var branch = await store.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "X", BranchId = "MAIN" });
        Assert.Equal(Sip2RegistryRule.UnknownInstitution, branch?.Rule);
        Assert.Equal(nameof(Sip2BranchConfiguration.InstitutionId), branch?.Field);

        Assert.Equal(before, await StateAsync(store));
        Assert.Equal(before, await StateAsync(await database.OpenAsync()));
    }

    /// <summary>A row written past the store is not seen until the store re-reads: admission never asks the database.</summary>
    public static async Task ReadsComeFromTheSnapshotAsync(StoreDatabase database, Func<string, Task> execute)
    {
        // Seeded by another store: this one starts listening after those writes, so no late notification of theirs
        // makes it re-read (and see the rows written below) before the check.
        await DirectoryAsync(await database.OpenAsync());
        var store = await database.OpenAsync();
        await execute("INSERT INTO sip2_message_overrides (institution_key, scenario, institution_id, text) VALUES ('A', 0, 'A', 'Written by hand.')");
        await execute("DELETE FROM sip2_branch_configurations WHERE branch_key = 'EAST'");

        Assert.Equal(Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.PatronNotFound), store.GetText(Sip2MessageScenario.PatronNotFound, "A"));
        Assert.NotNull(await store.GetBranchConfigurationAsync("A", "EAST"));

        Assert.False(await store.InitializeAsync());
        Assert.Equal("Written by hand.", store.GetText(Sip2MessageScenario.PatronNotFound, "A"));
        Assert.Null(await store.GetBranchConfigurationAsync("A", "EAST"));
    }

    public static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

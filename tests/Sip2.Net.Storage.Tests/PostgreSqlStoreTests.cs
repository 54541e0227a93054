using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Sip2.Net.Access;
using Sip2.Net.PostgreSql;
using Sip2.Net.Resolution;
using Xunit.Abstractions;
using static Sip2.Net.Storage.Tests.Contract.Seed;

namespace Sip2.Net.Storage.Tests;

/// <summary>What is particular to the PostgreSQL store: starting together, notifications between instances, locks, constraints.</summary>
public sealed class PostgreSqlStoreTests(ITestOutputHelper output)
{
    private const string Postgres = "SIP2_TEST_POSTGRES";

    [ServiceFact(Postgres)]
    public async Task Instances_starting_at_once_create_the_schema_once()
    {
        await using var database = new PostgreSqlTestDatabase(ServiceFactAttribute.Require(Postgres));
        var stores = Enumerable.Range(0, 4).Select(_ => database.Open()).ToArray();

        var created = await Task.WhenAll(stores.Select(s => s.InitializeAsync().AsTask()));

        Assert.Single(created, c => c);
        Assert.All(stores, s => Assert.True(s.GetStatus().IsReachable));
        Assert.False(await database.Open().InitializeAsync());
    }

    [ServiceFact(Postgres)]
    public async Task A_change_on_one_instance_is_applied_and_raised_on_the_other_within_a_second()
    {
        await using var database = new PostgreSqlTestDatabase(ServiceFactAttribute.Require(Postgres));
        var a = await database.OpenAsync();
        var b = await database.OpenAsync();
        await DirectoryAsync(a);
        var onB = new EventQueue(b);

        var times = new List<TimeSpan>();
        async Task<Sip2RegistrationChangedEventArgs> Measure(Func<Task> change)
        {
            var clock = Stopwatch.StartNew();
            await change();
            var seen = await onB.NextAsync(TimeSpan.FromSeconds(1));
            times.Add(clock.Elapsed);
            return seen;
        }

        Sip2ClientRegistration kiosk = null!;
        var created = await Measure(async () => kiosk = await CreateAsync(a, Registration(Kiosk)));
        Assert.Equal((Sip2RegistrationChangeKind.Created, kiosk), (created.Kind, created.Registration));
        Assert.Equal(kiosk, await b.GetAsync(kiosk.Id));
        Assert.Equal([kiosk], await b.ListByAddressAsync(Kiosk));

        var deactivated = await Measure(async () => await a.DeactivateAsync(kiosk.Id));
        Assert.Equal(Sip2RegistrationChangeKind.Deactivated, deactivated.Kind);
        Assert.False((await b.GetAsync(kiosk.Id))!.Activated);

        // A directory change raises nothing, but B applies notifications in commit order: once the change after it is
        // raised on B, the directory change is there.
        await MustAsync(a.SetMessageOverrideAsync("A", Sip2MessageScenario.PatronBlocked, "See the desk."));
        await MustAsync(a.SaveBranchConfigurationAsync(new Sip2BranchConfiguration { InstitutionId = "B", BranchId = "EAST", LibraryName = "Beta East" }));
        var moved = await Measure(async () => (await a.UpdateAsync((await a.GetAsync(kiosk.Id))! with { InstitutionId = "B", BranchId = "EAST" })).GetValueOrThrow());
        Assert.Equal(Sip2RegistrationChangeKind.Updated, moved.Kind);
        Assert.Equal("See the desk.", b.GetText(Sip2MessageScenario.PatronBlocked, "A"));
        Assert.Equal("Beta East", (await b.GetBranchConfigurationAsync("B", "EAST"))!.LibraryName);

        var deleted = await Measure(async () => await a.DeleteAsync(kiosk.Id));
        Assert.Equal(Sip2RegistrationChangeKind.Deleted, deleted.Kind);
        Assert.Null(await b.GetAsync(kiosk.Id));

        // Both ways: a change on B reaches A.
        var onA = new EventQueue(a);
        var back = await CreateAsync(b, Registration(Other));
        Assert.Equal(back, (await onA.NextAsync(TimeSpan.FromSeconds(1))).Registration);
        output.WriteLine($"change on A to event on B: {string.Join(", ", times.Select(t => $"{t.TotalMilliseconds:F1} ms"))}");
    }

    [ServiceFact(Postgres)]
    public async Task Of_many_instances_creating_one_address_at_once_exactly_one_succeeds()
    {
        await using var database = new PostgreSqlTestDatabase(ServiceFactAttribute.Require(Postgres));
        var a = await database.OpenAsync();
        var b = await database.OpenAsync();
        await DirectoryAsync(a);
        await b.InitializeAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? a : b).CreateAsync(Numbered(Kiosk, i)))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(Sip2RegistryRule.SharedAddressRequiresCredentials, r.Error!.Rule));
        Assert.Single(await (await database.OpenAsync()).ListByAddressAsync(Kiosk));
    }

    [ServiceFact(Postgres)]
    public async Task A_constraint_the_rules_could_not_see_refuses_with_the_rule_it_stands_for()
    {
        await using var database = new PostgreSqlTestDatabase(ServiceFactAttribute.Require(Postgres));
        await database.OpenAsync(); // creates the schema
        await using var connection = await database.ConnectAsync();
        await BehindTheStore.ConstraintsStandBehindTheRulesAsync(database, sql => BehindTheStore.ExecuteAsync(connection, sql), $"'{Guid.NewGuid()}'", "true");
    }

    [ServiceFact(Postgres)]
    public async Task Reads_come_from_the_snapshot_and_a_second_initialisation_re_reads_it()
    {
        await using var database = new PostgreSqlTestDatabase(ServiceFactAttribute.Require(Postgres));
        await database.OpenAsync();
        await using var connection = await database.ConnectAsync();
        await BehindTheStore.ReadsComeFromTheSnapshotAsync(database, sql => BehindTheStore.ExecuteAsync(connection, sql));
    }

    [ServiceFact(Postgres)]
    public async Task Stores_in_different_schemas_of_one_database_are_separate_registries()
    {
        await using var first = new PostgreSqlTestDatabase(ServiceFactAttribute.Require(Postgres));
        await using var second = new PostgreSqlTestDatabase(ServiceFactAttribute.Require(Postgres));
        var a = await first.OpenAsync();
        var b = await second.OpenAsync();
        await DirectoryAsync(a);
        Assert.Empty(await b.ListInstitutionsAsync());
        Assert.True(await (await second.OpenAsync()).InitializeAsync() is false);

        await using var connection = await first.ConnectAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM sip2_institutions", connection);
        Assert.Equal(2L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_at_start_fails_initialisation_as_unavailable_without_the_password()
    {
        const string Password = "Unguessable-Secret-42";
        var port = ClosedPort();
        await using var store = new PostgreSqlSip2RegistryStore($"Host=127.0.0.1;Port={port};Username=sip2;Password={Password};Timeout=5");

        var failure = await Assert.ThrowsAsync<Sip2RegistryStoreUnavailableException>(async () => await store.InitializeAsync());

        Assert.Contains("PostgreSQL", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
        var status = store.GetStatus();
        Assert.False(status.IsReachable);
        Assert.DoesNotContain(Password, status.Problem!, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.CreateAsync(Registration(Kiosk)));
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("a-b")]
    [InlineData("x; DROP TABLE y")]
    public void A_schema_name_that_would_need_quoting_is_refused(string schema) =>
        Assert.Throws<ArgumentException>(() => new PostgreSqlSip2RegistryStore("Host=127.0.0.1", new PostgreSqlSip2RegistryStoreOptions { Schema = schema }));

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port; // closed again when the probe goes
    }

    private static Sip2ClientRegistration Numbered(IPAddress address, int number) => Registration(address) with { Description = number.ToString() };
}

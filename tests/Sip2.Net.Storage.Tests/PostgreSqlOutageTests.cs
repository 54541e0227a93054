using System.Diagnostics;
using Sip2.Net.Access;
using Sip2.Net.PostgreSql;
using Sip2.Net.Resolution;
using Sip2.Net.TestSupport;
using Xunit.Abstractions;
using static Sip2.Net.Storage.Tests.Contract.Seed;

namespace Sip2.Net.Storage.Tests;

/// <summary>PostgreSQL stopped and started mid-test: what goes on, what fails cleanly, how the instances catch up.</summary>
[Collection(PostgreSqlOutageGroup.Name)]
public sealed class PostgreSqlOutageTests(ITestOutputHelper output)
{
    private const string Cluster = "SIP2_TEST_POSTGRES_OUTAGE";
    private const string Control = "SIP2_TEST_PG_CTL";

    [ServiceFact(Cluster, Control)]
    public async Task While_the_database_is_down_admission_goes_on_and_changes_fail_cleanly_and_afterwards_everything_catches_up()
    {
        await using var alone = await CrossProcessLock.AcquireAsync("sip2-storage-tests-postgres-outage");
        var connectionString = ServiceFactAttribute.Require(Cluster);
        var password = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Password!;
        await using var database = new PostgreSqlTestDatabase(connectionString);

        // A waits out its reconnect back-off on a clock the test moves; B on the real one, retrying fast.
        var time = new WatchedFakeTimeProvider();
        var logsA = new CapturingLoggerProvider();
        var a = database.OpenPostgreSql(new StoreSettings { Logs = logsA, Time = time }, new PostgreSqlSip2RegistryStoreOptions { ReconnectDelay = TimeSpan.FromSeconds(1), MaxReconnectDelay = TimeSpan.FromSeconds(1) });
        var logsB = new CapturingLoggerProvider();
        var b = database.OpenPostgreSql(new StoreSettings { Logs = logsB }, new PostgreSqlSip2RegistryStoreOptions { ReconnectDelay = TimeSpan.FromMilliseconds(50), MaxReconnectDelay = TimeSpan.FromMilliseconds(200) });
        await a.InitializeAsync();
        await b.InitializeAsync();
        var onA = new EventQueue(a);
        var onB = new EventQueue(b);
        await DirectoryAsync(a);
        var kiosk = await CreateAsync(a, Registration(Kiosk));
        var other = await CreateAsync(a, Registration(Other));
        await onB.NextAsync(other.Id, Sip2RegistrationChangeKind.Created, TimeSpan.FromSeconds(1));
        var policy = new Sip2RegistryAccessPolicy(a, a);

        string before;
        try
        {
            await PgCtlAsync("stop");
            Assert.NotNull(await logsA.WaitForAsync(l => l.StartsWith("Warning 2050 ", StringComparison.Ordinal), TimeSpan.FromSeconds(10)));

            // Admission answers from the snapshot.
            Assert.Equal(Sip2AdmissionOutcome.Bound, (await policy.AdmitAsync(Kiosk)).Outcome);
            var status = a.GetStatus();
            Assert.False(status.IsReachable);
            Assert.False(string.IsNullOrEmpty(status.Problem));
            Assert.DoesNotContain(password, status.Problem, StringComparison.Ordinal);
            output.WriteLine($"status while down: {status.Problem}");

            // Changes fail with the store's own exception and change nothing.
            before = await StateAsync(a, withAudit: false);
            var failures = new List<Exception>
            {
                await Assert.ThrowsAsync<Sip2RegistryStoreUnavailableException>(async () => await a.DeactivateAsync(kiosk.Id)),
                await Assert.ThrowsAsync<Sip2RegistryStoreUnavailableException>(async () => await a.CreateAsync(Registration(Shared))),
                await Assert.ThrowsAsync<Sip2RegistryStoreUnavailableException>(async () => await a.SaveGroupAsync(new Sip2InstitutionGroup { Id = "H" })),
                await Assert.ThrowsAsync<Sip2RegistryStoreUnavailableException>(async () => await a.ListAuditAsync()),
            };
            Assert.All(failures, f => Assert.DoesNotContain(password, f.ToString(), StringComparison.Ordinal));
            Assert.Equal(before, await StateAsync(a, withAudit: false));
            Assert.Equal(Sip2AdmissionOutcome.Bound, (await policy.AdmitAsync(Kiosk)).Outcome);
        }
        finally
        {
            await PgCtlAsync("start"); // whatever happened, later tests find it running
        }

        // B comes back by itself and changes the registry while A still waits out its back-off.
        Assert.NotNull(await logsB.WaitForAsync(l => l.StartsWith("Information 2051 ", StringComparison.Ordinal), TimeSpan.FromSeconds(10)));
        (await b.DeactivateAsync(kiosk.Id, "bob")).GetValueOrThrow();
        Assert.True((await a.GetAsync(kiosk.Id))!.Activated);
        Assert.False(a.GetStatus().IsReachable);

        // A's back-off ends: it reconnects, re-reads everything and raises the deactivation it missed.
        var missed = onA.NextAsync(kiosk.Id, Sip2RegistrationChangeKind.Deactivated, TimeSpan.FromSeconds(20));
        Assert.True(await time.AdvanceUntilAsync(missed, TimeSpan.FromSeconds(1)), "A did not catch up");
        Assert.False((await missed).Registration.Activated);
        Assert.True(a.GetStatus().IsReachable);
        Assert.Equal(Sip2AdmissionOutcome.Refused, (await policy.AdmitAsync(Kiosk)).Outcome);

        // Writes work and notifications flow both ways again.
        var clock = Stopwatch.StartNew();
        (await a.ActivateAsync(kiosk.Id, "alice")).GetValueOrThrow();
        await onB.NextAsync(kiosk.Id, Sip2RegistrationChangeKind.Activated, TimeSpan.FromSeconds(1));
        (await b.DeleteAsync(other.Id, "bob")).GetValueOrThrow();
        await onA.NextAsync(other.Id, Sip2RegistrationChangeKind.Deleted, TimeSpan.FromSeconds(1));
        output.WriteLine($"after the outage, a change each way reached the other instance in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(await StateAsync(b), await StateAsync(a));
        var latest = await a.ListAuditAsync(3);
        Assert.Equal([Sip2AuditAction.RegistrationDeleted, Sip2AuditAction.RegistrationActivated, Sip2AuditAction.RegistrationDeactivated], latest.Select(e => e.Action));
        Assert.Equal(["bob", "alice", "bob"], latest.Select(e => e.Actor));

        // One log line when the database went, one when it came back: not one per failed write or reconnect attempt.
        Assert.Single(logsA.Lines, l => l.StartsWith("Warning 2050 ", StringComparison.Ordinal));
        Assert.Single(logsA.Lines, l => l.StartsWith("Information 2051 ", StringComparison.Ordinal));
        Assert.DoesNotContain(logsA.Lines, l => l.Contains(password, StringComparison.Ordinal));
    }

    private static async Task PgCtlAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [ServiceFactAttribute.Require(Control), command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_ctl {command} failed: {await error}");
    }
}

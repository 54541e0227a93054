using System.Diagnostics;
using System.Net;
using Sip2.Net.Access;
using Xunit.Abstractions;
using static Sip2.Net.Storage.Tests.Contract.Seed;

namespace Sip2.Net.Storage.Tests;

/// <summary>
/// Two SIP2 server instances sharing one PostgreSQL registry behind HAProxy, which sends PROXY v2: a kiosk on
/// 127.0.0.5 is admitted through the proxy by its registration, deactivated on the other instance, and its session
/// ends; a restart of one instance loses nothing.
/// </summary>
public sealed class TwoInstanceServerTests(ITestOutputHelper output)
{
    private const string ScStatus = "9900302.00";

    [ServiceFact("SIP2_TEST_POSTGRES", "SIP2_TEST_HAPROXY")]
    public async Task A_kiosk_behind_HAProxy_is_admitted_its_session_ends_when_another_instance_deactivates_it_and_a_restart_loses_nothing()
    {
        await using var database = new PostgreSqlTestDatabase(ServiceFactAttribute.Require("SIP2_TEST_POSTGRES"));
        var first = await ServerInstance.StartAsync(database);
        await using var second = await ServerInstance.StartAsync(database);
        await using var proxy = await HaproxyProcess.StartAsync(ServiceFactAttribute.Require("SIP2_TEST_HAPROXY"), [first.Port, second.Port]);
        output.WriteLine(proxy.Configuration);

        var kioskAddress = IPAddress.Parse("127.0.0.5");
        var onSecond = new EventQueue(second.Store);
        await DirectoryAsync(first.Store);
        var registration = await CreateAsync(first.Store, Registration(kioskAddress) with { Description = "Self-check by the door" });
        await onSecond.NextAsync(registration.Id, Sip2RegistrationChangeKind.Created, TimeSpan.FromSeconds(1));

        // Admitted through the proxy: the server sees 127.0.0.5 from the PROXY header, binds the session at once.
        using var kiosk = await RawKiosk.ConnectAsync("127.0.0.5", proxy.Port);
        var status = await kiosk.AskAsync(ScStatus, TimeSpan.FromSeconds(10));
        Assert.StartsWith("98", status);
        var serving = first.Handler.GetSessions().Any(s => s.RemoteAddress.Equals(kioskAddress)) ? first : second;
        var other = serving == first ? second : first;
        var session = Assert.Single(serving.Handler.GetSessions());
        Assert.Equal(registration.Id, session.RegistrationId);
        Assert.Empty(other.Handler.GetSessions());

        // Deactivated on the other instance: the serving one ends the session within a second.
        var clock = Stopwatch.StartNew();
        (await other.Store.DeactivateAsync(registration.Id, "admin")).GetValueOrThrow();
        Assert.True(await kiosk.ClosedAsync(TimeSpan.FromSeconds(1)), "the session outlived its registration by more than a second");
        output.WriteLine($"deactivated on one instance to the session closed on the other: {clock.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Empty(serving.Handler.GetSessions());

        // A new connection from the kiosk is refused at once, whichever instance takes it.
        using (var refused = await RawKiosk.ConnectAsync("127.0.0.5", proxy.Port))
        {
            Assert.Null(await refused.AskAsync(ScStatus, TimeSpan.FromSeconds(10)));
        }

        // One instance restarts: a new store and server over the same database have everything, audit included.
        var before = await StateAsync(second.Store);
        var trail = await second.Store.ListAuditAsync(1000);
        await first.DisposeAsync();
        await using var restarted = await ServerInstance.StartAsync(database);
        Assert.Equal(before, await StateAsync(restarted.Store));
        Assert.Equal(trail, await restarted.Store.ListAuditAsync(1000));
        Assert.False((await restarted.Store.GetAsync(registration.Id))!.Activated);

        // Activated on the restarted instance, the kiosk is admitted through the proxy again.
        (await restarted.Store.ActivateAsync(registration.Id, "admin")).GetValueOrThrow();
        await onSecond.NextAsync(registration.Id, Sip2RegistrationChangeKind.Activated, TimeSpan.FromSeconds(1));
        using var back = await RawKiosk.ConnectAsync("127.0.0.5", proxy.Port);
        Assert.StartsWith("98", await back.AskAsync(ScStatus, TimeSpan.FromSeconds(10)));
        Assert.Equal(Sip2AdmissionOutcome.Bound, (await new Sip2RegistryAccessPolicy(restarted.Store, restarted.Store).AdmitAsync(kioskAddress)).Outcome);
    }
}

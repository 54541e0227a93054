using System.Diagnostics;
using System.Net;
using Sip2.Net.Access;

namespace Sip2.Net.Storage.Benchmarks;

/// <summary>
/// Two PostgreSQL store instances over one schema, as two servers would have: a registration deactivated and activated
/// in turn on A, timed from the call on A to the event on B (what makes B's server end the sessions), and the write on
/// A alone for comparison.
/// </summary>
internal static class ChangeBenchmark
{
    public static async Task RunAsync(string connectionString, int changes)
    {
        await using var stores = new Stores();
        var instances = await stores.PostgreSqlAsync(connectionString, instances: 2);
        var (a, b) = (instances[0], instances[1]);
        await Stores.SeedAsync(a);
        var kiosk = (await a.CreateAsync(new Sip2ClientRegistration { IPAddress = IPAddress.Parse("127.0.0.2"), InstitutionId = "A", BranchId = "MAIN" })).GetValueOrThrow();

        TaskCompletionSource<Sip2RegistrationChangeKind>? seen = null;
        b.RegistrationChanged += (_, e) =>
        {
            if (e.Registration.Id == kiosk.Id && e.Kind is Sip2RegistrationChangeKind.Activated or Sip2RegistrationChangeKind.Deactivated)
            {
                seen?.TrySetResult(e.Kind);
            }
        };

        var toEvent = new Percentiles("change on A to its event on B");
        var write = new Percentiles("the write on A (commit and own snapshot)");
        const int WarmUp = 10;
        for (var i = 0; i < changes + WarmUp; i++)
        {
            seen = new TaskCompletionSource<Sip2RegistrationChangeKind>(TaskCreationOptions.RunContinuationsAsynchronously);
            var deactivate = i % 2 == 0;
            var start = Stopwatch.GetTimestamp();
            var result = deactivate ? await a.DeactivateAsync(kiosk.Id) : await a.ActivateAsync(kiosk.Id);
            var written = Stopwatch.GetTimestamp();
            var kind = await seen.Task.WaitAsync(TimeSpan.FromSeconds(5));
            var end = Stopwatch.GetTimestamp();
            if (!result.Succeeded || kind != (deactivate ? Sip2RegistrationChangeKind.Deactivated : Sip2RegistrationChangeKind.Activated))
            {
                throw new InvalidOperationException("B raised another change than A made: the measurement is wrong.");
            }

            if (i >= WarmUp)
            {
                toEvent.Add(start, end);
                write.Add(start, written);
            }
        }

        Console.WriteLine($"change propagation between two PostgreSQL instances, {changes} changes (deactivate, activate in turn):");
        Console.WriteLine("  " + toEvent);
        Console.WriteLine("  " + write);
    }
}

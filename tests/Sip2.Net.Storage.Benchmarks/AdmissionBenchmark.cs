using System.Diagnostics;
using System.Net;
using Sip2.Net.Access;

namespace Sip2.Net.Storage.Benchmarks;

/// <summary>
/// Admission (a connect) and admission plus login (a connect and a 93) through <see cref="Sip2RegistryAccessPolicy"/>
/// over each store: the policy reads only the store's snapshot, so the figures should not depend on the provider. The
/// passwords are hashed with the least cost the library accepts (1,000 iterations), so the store's share is not hidden
/// behind the hash; the default cost adds the same time to every provider.
/// </summary>
internal static class AdmissionBenchmark
{
    private static readonly IPAddress Solo = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress Shared = IPAddress.Parse("127.0.0.3");

    public static async Task RunAsync(string? postgres, int iterations)
    {
        await using var stores = new Stores();
        var providers = new List<(string Name, ISip2RegistryStore Store)>
        {
            ("InMemory", await Stores.InMemoryAsync()),
            ("SQLite", await stores.SqliteAsync()),
        };
        if (postgres is not null)
        {
            providers.Add(("PostgreSQL", (await stores.PostgreSqlAsync(postgres))[0]));
        }

        var measured = new List<(Percentiles Admit, Percentiles Login, Sip2RegistryAccessPolicy Policy)>();
        foreach (var (name, store) in providers)
        {
            await Stores.SeedAsync(store);
            await store.CreateAsync(new Sip2ClientRegistration { IPAddress = Solo, InstitutionId = "A", BranchId = "MAIN" });
            foreach (var login in new[] { "k1", "k2" })
            {
                await store.CreateAsync(new Sip2ClientRegistration
                {
                    IPAddress = Shared, LoginId = login, PasswordHash = Sip2PasswordHash.Create("pw-" + login, Sip2PasswordHash.MinimumIterations), InstitutionId = "A", BranchId = "MAIN",
                });
            }

            var policy = new Sip2RegistryAccessPolicy(store, store, options: new Sip2AccessPolicyOptions());
            measured.Add((new Percentiles($"{name}: admission (bound, no login)"), new Percentiles($"{name}: admission + login (93)"), policy));
        }

        // Warm up, then measure the providers in turn, a slice each, so drift on the machine spreads over all of them.
        const int Rounds = 5;
        foreach (var (_, _, policy) in measured)
        {
            await MeasureAsync(policy, 2_000, null, null);
        }

        for (var round = 0; round < Rounds; round++)
        {
            foreach (var (admit, login, policy) in measured)
            {
                await MeasureAsync(policy, iterations / Rounds, admit, login);
            }
        }

        Console.WriteLine($"admission and login latency, {iterations} admissions and {iterations / 10} logins per provider (Sip2RegistryAccessPolicy over the store):");
        foreach (var (admit, login, _) in measured)
        {
            Console.WriteLine("  " + admit);
            Console.WriteLine("  " + login);
        }
    }

    private static async Task MeasureAsync(Sip2RegistryAccessPolicy policy, int iterations, Percentiles? admit, Percentiles? login)
    {
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var admission = await policy.AdmitAsync(Solo);
            admit?.Add(start);
            Check(admission.Outcome == Sip2AdmissionOutcome.Bound, "admission");

            if (i % 10 == 0)
            {
                start = Stopwatch.GetTimestamp();
                var waiting = await policy.AdmitAsync(Shared);
                var result = await policy.LoginAsync(waiting.Session!, "k2", "pw-k2");
                login?.Add(start);
                Check(result.Outcome == Sip2LoginOutcome.Accepted, "login");
            }
        }
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"The {what} was not accepted: the measurement is wrong.");
        }
    }
}

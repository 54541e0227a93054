using Sip2.Net.Storage.Benchmarks;

// Measures what the registry store changes for the server: admission and login latency with each provider against the
// in-memory store, and, with PostgreSQL, the time from a change on one instance to its event on another.
//
//   dotnet run -c Release --project tests/Sip2.Net.Storage.Benchmarks -- [admission|changes|all] [--postgres CONNECTION] [--iterations N]
//
// PostgreSQL figures need --postgres (or SIP2_TEST_POSTGRES, as .ci/services/postgres.sh exports it); each run uses a new
// schema and drops it afterwards.
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var postgres = Option("--postgres") ?? Environment.GetEnvironmentVariable("SIP2_TEST_POSTGRES");
var iterations = int.Parse(Option("--iterations") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

if (what is "admission" or "all")
{
    await AdmissionBenchmark.RunAsync(postgres, iterations > 0 ? iterations : 20_000);
}

if (what is "changes" or "all")
{
    if (postgres is null)
    {
        Console.WriteLine("changes: needs --postgres CONNECTION (or SIP2_TEST_POSTGRES)");
    }
    else
    {
        await ChangeBenchmark.RunAsync(postgres, iterations > 0 ? iterations : 100);
    }
}

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

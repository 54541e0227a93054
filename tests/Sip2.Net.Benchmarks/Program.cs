using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Running;
using Sip2.Net.Access;
using Sip2.Net.Benchmarks;

// Modes (README.md in this folder has every option, what each figure means and how it is computed):
//   codec [BenchmarkDotNet args]        codec and in-process connection benchmarks (e.g. codec --filter '*')
//   connection [--server sip2|baseline|both] [--seconds S] [--evict KiB] [--connections N]
//                                       the in-process connection benchmark as a plain loop, for a profiler
//   server   --port N [--control-port N] [--host-mode standalone|kestrel|kestrel-inline] [--logins N]
//            [--hash-iterations N] [--distinct-passwords] [--extra-addresses N] [--tls-port N [--tls-pfx file]]
//            [--idle-timeout S] [--max-connections N] [--max-connections-per-address N]
//                                       the SIP2 server: N registrations on 127.0.0.1, each with its own login id
//   baseline --port N [--control-port N] [--host-mode standalone|kestrel|kestrel-inline] [--allocate B]
//                                       the line answerer; --allocate: also B bytes of garbage per line (a diagnostic)
//   load     --target label=port[:control-port] [--target ...] --connections N [--cycles N] [--slice S] [--settle S]
//            [--warmup S] [--logins N] [--distinct-passwords] [--out file.tsv]
//                                       the targets in turn, in slices (see LoadTool.RunAsync); one row per slice
//   load     --port N [--control-port N] --connections N [--warmup S] [--duration S] [--label L] [--out file.tsv]
//                                       one target: --warmup unmeasured, then --duration measured
//   visit    --port N [--control-port N] [--clients C] [--warmup S] [--duration S] [--requests R]
//            [--mix status|patron|circulation|session] [--credential one|per-client|rotate] [--login-offset K]
//            [--timeout S] [--label L] [--logins N] [--distinct-passwords] [--out file.tsv]
//   storm    --port N [--control-port N] [--kiosks M] [--interval-ms T] [--mix ...] [--storm N] [--kiosk-offset K]
//            [--storm-offset K] [--before S] [--after S] [--timeout S] [--hash-iterations N] [--label L]
//            [--logins N] [--distinct-passwords] [--out file.tsv]
//   stress   [--attacks a,b,...] [--duration S] [--warmup S] [--cooldown S] [--limit-nofile N] [--port N]
//            [--kiosks K] [--kiosk-tls] [--connections N] [--loops N] [--max-connections N]
//            [--max-connections-per-address N] [--idle-timeout S] [--hash-iterations N] [--out file.tsv] [--log-dir DIR]
//                                       the hostile-network battery against a server child process (StressTool)
//   idle     --port N --control-port N [--connections 10000] [--settle S] [--logins N] [--distinct-passwords]
//   report   --in file.tsv [--in file.tsv ...] [--baseline-label baseline]
//                                       several files are several runs: paired within each, and a table run by run
// Only 127.0.0.x is ever listened on or connected to.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Sip2.Net.Benchmarks codec|connection|server|baseline|load|visit|storm|stress|idle|report [options]");
    return 2;
}

var mode = args[0];
var rest = args.Skip(1).ToArray();
string Option(string name, string fallback)
{
    var at = Array.IndexOf(rest, name);
    return at >= 0 && at + 1 < rest.Length ? rest[at + 1] : fallback;
}

// Every value of an option that may be given more than once (--target, --in).
List<string> Options(string name) => rest.Select((arg, i) => (arg, i)).Where(a => a.arg == name && a.i + 1 < rest.Length).Select(a => rest[a.i + 1]).ToList();

int Int(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
double Double(string name, double fallback) => double.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
bool Flag(string name) => rest.Contains(name);
string? FilePath(string name) => rest.Contains(name) ? Option(name, "") : null;

// The bench server's registrations, as every tool that logs in must know them: the same options as the server's.
var credentials = new BenchCredentials(Int("--logins", BenchLogins.DefaultCount), Flag("--distinct-passwords"));

using var stop = new CancellationTokenSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });

switch (mode)
{
    case "connection":
        return Option("--server", "sip2") == "both"
            ? await ConnectionBenchmarks.RunPairedAsync(Double("--seconds", 10), Int("--evict", 0), Int("--connections", 1))
            : await ConnectionBenchmarks.RunLoopAsync(Option("--server", "sip2"), Double("--seconds", 10), Int("--evict", 0), Int("--connections", 1));
    case "codec":
        BenchmarkSwitcher.FromTypes([typeof(CodecBenchmarks), typeof(ConnectionBenchmarks)]).Run(rest);
        return 0;
    case "server":
        var settings = new BenchServerSettings
        {
            Logins = credentials.Count, DistinctPasswords = credentials.DistinctPasswords,
            HashIterations = Int("--hash-iterations", Sip2PasswordHash.DefaultIterations), ExtraAddresses = Int("--extra-addresses", 0),
            TlsPort = Int("--tls-port", 0), TlsPfxPath = FilePath("--tls-pfx"), IdleTimeoutSeconds = Double("--idle-timeout", 0),
            MaxConnections = Int("--max-connections", 20_000), MaxConnectionsPerAddress = Int("--max-connections-per-address", 20_000),
            Registry = Option("--registry", "inmemory"), RegistryConnection = rest.Contains("--registry-connection") ? Option("--registry-connection", "") : null,
        };
        try
        {
            return await BenchServers.RunSip2Async(Int("--port", 6001), Int("--control-port", 0), Option("--host-mode", "standalone"), settings, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0; // stopped while it was still registering its kiosks
        }
    case "baseline":
        return await BenchServers.RunBaselineAsync(Int("--port", 6002), Int("--control-port", 0), Option("--host-mode", "standalone"), Int("--allocate", 0), stop.Token);
    case "load":
        var targets = Options("--target").Select(LoadTarget.Parse).ToList();
        var outPath = FilePath("--out");
        return targets.Count > 0
            ? await LoadTool.RunAsync(targets, Int("--connections", 1), Int("--cycles", 10), Double("--warmup", 2), Double("--settle", 0.5), Double("--slice", 1), credentials, outPath)
            : await LoadTool.RunAsync([new LoadTarget(Option("--label", "sip2"), Int("--port", 6001), Int("--control-port", 0))], Int("--connections", 1), cycles: 1,
                warmupSeconds: 0, settleSeconds: Double("--warmup", 2), sliceSeconds: Double("--duration", 10), credentials, outPath);
    case "visit":
        return await VisitTool.RunAsync(new VisitOptions
        {
            Port = Int("--port", 6001), ControlPort = Int("--control-port", 0), Label = Option("--label", "sip2"), Clients = Int("--clients", 8),
            WarmupSeconds = Double("--warmup", 2), DurationSeconds = Double("--duration", 10), Requests = Int("--requests", 1), Mix = Option("--mix", "status"),
            Credential = Option("--credential", "one"), LoginOffset = Int("--login-offset", 0), TimeoutSeconds = Double("--timeout", 30),
            Credentials = credentials, OutPath = FilePath("--out"),
        });
    case "storm":
        return await StormTool.RunAsync(new StormOptions
        {
            Port = Int("--port", 6001), ControlPort = Int("--control-port", 0), Label = Option("--label", "sip2"), Kiosks = Int("--kiosks", 100),
            KioskOffset = Int("--kiosk-offset", 0), IntervalMs = Double("--interval-ms", 100), Mix = Option("--mix", "session"), Storm = Int("--storm", 1_000),
            StormOffset = rest.Contains("--storm-offset") ? Int("--storm-offset", 0) : null, BeforeSeconds = Double("--before", 3),
            AfterSeconds = Double("--after", 3), TimeoutSeconds = Double("--timeout", 300), HashIterations = Int("--hash-iterations", Sip2PasswordHash.DefaultIterations),
            Credentials = credentials, OutPath = FilePath("--out"),
        });
    case "stress":
        return await StressTool.RunAsync(new StressOptions
        {
            Attacks = rest.Contains("--attacks") ? Option("--attacks", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : StressAttacks.Names,
            DurationSeconds = Double("--duration", 20), WarmupSeconds = Double("--warmup", 3), CooldownSeconds = Double("--cooldown", 5),
            LimitNofile = Int("--limit-nofile", 0), Port = Int("--port", 16011), Kiosks = Int("--kiosks", 4), KioskTls = Flag("--kiosk-tls"),
            KioskPauseMs = Int("--kiosk-pause-ms", 100), KioskTimeoutSeconds = Double("--kiosk-timeout", 5),
            Connections = rest.Contains("--connections") ? Int("--connections", 0) : null, Loops = rest.Contains("--loops") ? Int("--loops", 0) : null,
            MaxConnections = Int("--max-connections", 300), MaxConnectionsPerAddress = Int("--max-connections-per-address", 50),
            IdleTimeoutSeconds = Double("--idle-timeout", 10), HashIterations = Int("--hash-iterations", Sip2PasswordHash.DefaultIterations),
            OutPath = FilePath("--out"), LogDirectory = FilePath("--log-dir"),
        });
    case "idle":
        return await IdleTool.RunAsync(Int("--port", 6001), Int("--control-port", 6101), Int("--connections", 10_000), Double("--settle", 3), credentials);
    case "report":
        var inputs = Options("--in");
        return LoadReport.Run(inputs.Count > 0 ? inputs : ["load.tsv"], Option("--baseline-label", "baseline"));
    default:
        Console.Error.WriteLine($"unknown mode '{mode}'");
        return 2;
}

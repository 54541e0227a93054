using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Running;
using Sip2.Net.Benchmarks;

// Modes:
//   codec [BenchmarkDotNet args]        codec and in-process connection benchmarks (e.g. codec --filter '*')
//   connection [--server sip2|baseline|both] [--seconds S] [--evict KiB] [--connections N]
//                                       the in-process connection benchmark as a plain loop, for a profiler:
//                                       3 s warm-up, then CPU time and bytes allocated per message; --evict writes
//                                       that much other memory between messages, as the kernel's work does under load;
//                                       --connections spreads the messages over N connections in turn; --server both
//                                       runs the two in one process, taking turns, and prints the paired difference
//   server   --port N [--control-port N] [--host-mode standalone|kestrel|kestrel-inline]
//   baseline --port N [--control-port N] [--host-mode standalone|kestrel|kestrel-inline] [--allocate B]
//                                       --allocate: also B bytes of short-lived garbage per line (a diagnostic)
//   load     --target label=port[:control-port] [--target ...] --connections N [--cycles N] [--slice S] [--settle S]
//            [--warmup S] [--out file.tsv]
//                                       the targets in turn, in slices (see LoadTool.RunAsync); one row per slice
//   load     --port N [--control-port N] --connections N [--warmup S] [--duration S] [--label L] [--out file.tsv]
//                                       one target: --warmup unmeasured, then --duration measured
//   idle     --port N --control-port N [--connections 10000] [--settle S]
//   report   --in file.tsv [--in file.tsv ...] [--baseline-label baseline]
//                                       several files are several runs: paired within each, and a table run by run
// Only 127.0.0.1 is ever listened on or connected to.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Sip2.Net.Benchmarks codec|connection|server|baseline|load|idle|report [options]");
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
        return await BenchServers.RunSip2Async(Int("--port", 6001), Int("--control-port", 0), Option("--host-mode", "standalone"), stop.Token);
    case "baseline":
        return await BenchServers.RunBaselineAsync(Int("--port", 6002), Int("--control-port", 0), Option("--host-mode", "standalone"), Int("--allocate", 0), stop.Token);
    case "load":
        var targets = Options("--target").Select(LoadTarget.Parse).ToList();
        var outPath = rest.Contains("--out") ? Option("--out", "") : null;
        return targets.Count > 0
            ? await LoadTool.RunAsync(targets, Int("--connections", 1), Int("--cycles", 10), Double("--warmup", 2), Double("--settle", 0.5), Double("--slice", 1), outPath)
            : await LoadTool.RunAsync([new LoadTarget(Option("--label", "sip2"), Int("--port", 6001), Int("--control-port", 0))], Int("--connections", 1), cycles: 1,
                warmupSeconds: 0, settleSeconds: Double("--warmup", 2), sliceSeconds: Double("--duration", 10), outPath);
    case "idle":
        return await IdleTool.RunAsync(Int("--port", 6001), Int("--control-port", 6101), Int("--connections", 10_000), Double("--settle", 3));
    case "report":
        var inputs = Options("--in");
        return LoadTool.Report(inputs.Count > 0 ? inputs : ["load.tsv"], Option("--baseline-label", "baseline"));
    default:
        Console.Error.WriteLine($"unknown mode '{mode}'");
        return 2;
}

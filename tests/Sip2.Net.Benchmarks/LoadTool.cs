using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// A closed-loop load generator over raw sockets: each connection sends one request, waits for the CR that
/// ends the answer, and sends the next. It speaks bytes, not a SIP2 client, so the same run drives the SIP2
/// server and the baseline line server, and the client's own cost stays small and identical for both.
/// </summary>
public static class LoadTool
{
    // Checkouts and checkins carry an item id of 13 digits after the "I", rewritten before every send: room
    // for the connection number (up to 9,999) and nine digits of count.
    private const string ItemPlaceholder = "I0000000000000";

    /// <summary>
    /// The mix, as a kiosk session runs it: status now and then, a patron lookup, several checkouts and
    /// checkins. Ten slots, each with its own AY. Every checkout and checkin is sent with an item id never sent
    /// before (see <see cref="MakeUnique"/>): the server answers a state-changing request it has already seen
    /// from its replay cache, and a load of repeats would measure that cache instead of the request path.
    /// </summary>
    public static byte[][] BuildFrames()
    {
        Sip2Message[] cycle =
        [
            SampleMessages.ScStatus, SampleMessages.PatronInformation,
            SampleMessages.Checkout(ItemPlaceholder), SampleMessages.Checkout(ItemPlaceholder), SampleMessages.Checkout(ItemPlaceholder), SampleMessages.Checkout(ItemPlaceholder),
            SampleMessages.Checkin(ItemPlaceholder), SampleMessages.Checkin(ItemPlaceholder), SampleMessages.Checkin(ItemPlaceholder), SampleMessages.Checkin(ItemPlaceholder),
        ];
        return cycle.Select((m, i) => Sip2MessageWriter.ToBytes(m, Sip2CodecOptions.Default, Sip2Trailer.WithChecksum(i % 10))).ToArray();
    }

    // The rewritten frames must still be valid SIP2 with a right checksum, or the load would measure 96s.
    private static void CheckFrames(byte[][] frames)
    {
        var strict = new Sip2CodecOptions { ErrorDetection = Sip2ErrorDetectionMode.On };
        foreach (var original in frames)
        {
            var frame = (byte[])original.Clone();
            MakeUnique(frame, 1_023_999_999_999);
            var parsed = Sip2MessageParser.Parse(frame.AsSpan(0, frame.Length - 1), strict);
            if (!parsed.IsSuccess)
            {
                throw new InvalidOperationException($"A load frame does not parse: {parsed.Error}");
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="serial"/> into the frame's item id, if it has one, and its checksum anew. The
    /// frame's own copy is changed in place: each connection has its own frames.
    /// </summary>
    public static void MakeUnique(byte[] frame, long serial)
    {
        var item = frame.AsSpan().IndexOf("|ABI"u8);
        if (item < 0)
        {
            return;
        }

        var digits = frame.AsSpan(item + 4, ItemPlaceholder.Length - 1);
        for (var i = digits.Length - 1; i >= 0; i--, serial /= 10)
        {
            digits[i] = (byte)('0' + (serial % 10));
        }

        var checksum = frame.AsSpan().LastIndexOf("AZ"u8) + 2;
        Sip2Checksum.WriteHex(Sip2Checksum.Compute(frame.AsSpan(0, checksum)), frame.AsSpan(checksum, 4));
    }

    /// <summary>
    /// Drives every target in turn, in short slices, for <paramref name="cycles"/> cycles: on a shared machine whose
    /// speed drifts from second to second, servers measured seconds apart see different machines, and slices of a
    /// second or so, taken in turn, see the same one. Each target gets <paramref name="connections"/> connections of
    /// its own, opened once and kept; in a slice only that target's connections send, for
    /// <paramref name="settleSeconds"/> unmeasured and then <paramref name="sliceSeconds"/> measured. The order of the
    /// targets rotates from cycle to cycle, so that none always follows the same one. First, each target is driven
    /// <paramref name="warmupSeconds"/> unmeasured (the JIT, the thread pool, the caches). Every slice is one row of
    /// the output, with its cycle, so that <see cref="Report"/> can pair each server with the baseline of the same
    /// cycle.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<LoadTarget> targets, int connections, int cycles, double warmupSeconds, double settleSeconds, double sliceSeconds, string? outPath)
    {
        var frames = BuildFrames();
        CheckFrames(frames);
        var driven = new List<(LoadTarget Target, LoadConnection[] Connections)>();
        foreach (var target in targets)
        {
            driven.Add((target, await ConnectAsync(target.Port, connections, frames)));
        }

        var errors = 0L;
        if (warmupSeconds > 0)
        {
            foreach (var (target, open) in driven)
            {
                errors += (await DriveSliceAsync(target, open, 0, warmupSeconds)).Errors;
            }
        }

        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            for (var turn = 0; turn < driven.Count; turn++)
            {
                var (target, open) = driven[(cycle - 1 + turn) % driven.Count];
                var slice = await DriveSliceAsync(target, open, settleSeconds, sliceSeconds);
                errors += slice.Errors;
                Console.WriteLine(slice.Describe(target.Label, connections, cycle));
                if (outPath is not null)
                {
                    await File.AppendAllTextAsync(outPath, slice.Row(target.Label, connections, cycle) + "\n");
                }
            }
        }

        foreach (var socket in driven.SelectMany(d => d.Connections).Select(c => c.Socket))
        {
            socket.Dispose();
        }

        return errors == 0 ? 0 : 4;
    }

    private static async Task<LoadConnection[]> ConnectAsync(int port, int connections, byte[][] frames)
    {
        var open = new LoadConnection[connections];
        // Connect in bounded batches so the accept backlog never overflows at 1,024.
        for (var i = 0; i < connections; i += 64)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(64, connections - i)).Select(async n =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
                open[n] = new LoadConnection(socket, frames, n);
            }));
        }

        return open;
    }

    // One slice: the target's connections send for settle + measured seconds; the figures are of the measured part.
    private static async Task<Slice> DriveSliceAsync(LoadTarget target, LoadConnection[] connections, double settleSeconds, double measuredSeconds)
    {
        var phase = new Phase();
        var samples = new List<long>[connections.Length];
        var errors = 0L;
        var workers = new Task[connections.Length];
        for (var i = 0; i < connections.Length; i++)
        {
            var (connection, taken) = (connections[i], samples[i] = new List<long>(1024));
            workers[i] = Task.Run(async () =>
            {
                if (connection.Failed)
                {
                    return;
                }

                try
                {
                    await connection.DriveAsync(phase, taken);
                }
                catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException)
                {
                    connection.Failed = true;
                    Interlocked.Increment(ref errors);
                }
            });
        }

        await Task.Delay(TimeSpan.FromSeconds(settleSeconds));
        // With a control port, the server's allocations (GC.GetTotalAllocatedBytes, precise), gen0 collections and CPU
        // time over the measured part, read without forcing a collection.
        var before = target.ControlPort > 0 ? await IdleTool.QueryAsync(target.ControlPort, "counters") : default;
        phase.Value = 1;
        var clock = Stopwatch.StartNew();
        var clientCpu = BenchServers.ProcessorMicroseconds();
        await Task.Delay(TimeSpan.FromSeconds(measuredSeconds));
        phase.Value = 2;
        var elapsed = clock.Elapsed.TotalSeconds;
        clientCpu = BenchServers.ProcessorMicroseconds() - clientCpu;
        var after = target.ControlPort > 0 ? await IdleTool.QueryAsync(target.ControlPort, "counters") : default;
        await Task.WhenAll(workers);
        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        var measured = Math.Max(1, all.Length);
        return new Slice(
            all,
            elapsed,
            Interlocked.Read(ref errors),
            target.ControlPort > 0 ? (after.Allocated - before.Allocated) / (double)measured : double.NaN,
            // Less the CPU of a collection an old build's control port forces (a new one forces none: there the two agree).
            target.ControlPort > 0 ? (after.Cpu - before.CpuForced) / (double)measured : double.NaN,
            target.ControlPort > 0 ? (after.Collections - before.CollectionsForced) / elapsed : double.NaN,
            clientCpu / (double)measured);
    }

    // The figures of one slice; latencies are Stopwatch ticks, sorted.
    private sealed record Slice(long[] Latencies, double Seconds, long Errors, double ServerBytes, double ServerCpu, double Collections, double ClientCpu)
    {
        private double Rate => Latencies.Length / Seconds;

        private double At(double q) => Latencies.Length == 0
            ? double.NaN
            : Latencies[Math.Min(Latencies.Length - 1, (int)Math.Ceiling(q * Latencies.Length) - 1)] * 1000.0 / Stopwatch.Frequency;

        public string Row(string label, int connections, int cycle) => string.Join('\t',
            label, connections.ToString(CultureInfo.InvariantCulture), Rate.ToString("F0", CultureInfo.InvariantCulture),
            At(0.50).ToString("F3", CultureInfo.InvariantCulture), At(0.99).ToString("F3", CultureInfo.InvariantCulture),
            At(0.999).ToString("F3", CultureInfo.InvariantCulture), Errors.ToString(CultureInfo.InvariantCulture),
            ServerBytes.ToString("F0", CultureInfo.InvariantCulture), ServerCpu.ToString("F2", CultureInfo.InvariantCulture),
            ClientCpu.ToString("F2", CultureInfo.InvariantCulture), cycle.ToString(CultureInfo.InvariantCulture));

        public string Describe(string label, int connections, int cycle)
        {
            var server = double.IsNaN(ServerCpu) ? "" : $", server {ServerBytes:F0} B/msg, {ServerCpu:F2} µs CPU/msg, {Collections:F0} gen0 GCs/s";
            return $"{label} c={connections} cycle {cycle}: {Rate:F0} msg/s, p50 {At(0.50):F3} ms, p99 {At(0.99):F3} ms, p99.9 {At(0.999):F3} ms, errors {Errors}{server}, load tool {ClientCpu:F2} µs CPU/msg";
        }
    }

    // A connection of the load, kept from slice to slice with its own copy of the frames and its count, so that
    // no checkout or checkin is ever sent twice.
    private sealed class LoadConnection(Socket socket, byte[][] frames, int number)
    {
        private readonly byte[] receive = new byte[4096];
        private readonly byte[][] frames = frames.Select(f => (byte[])f.Clone()).ToArray();
        private long serial = (long)number * 1_000_000_000; // unique across connections: the connection, then a count
        private int next = number % frames.Length;

        public Socket Socket { get; } = socket;

        public bool Failed { get; set; }

        // Sends one request at a time until the phase ends, timing those answered in the measured phase.
        public async Task DriveAsync(Phase phase, List<long> samples)
        {
            while (phase.Value < 2)
            {
                var frame = frames[next];
                next = next + 1 == frames.Length ? 0 : next + 1;
                MakeUnique(frame, ++serial);
                var sent = Stopwatch.GetTimestamp();
                await Socket.SendAsync(frame, SocketFlags.None);
                // One request in flight: the answer ends at the first CR (an LF after it is left in the buffer's tail).
                while (true)
                {
                    var read = await Socket.ReceiveAsync(receive, SocketFlags.None);
                    if (read == 0)
                    {
                        throw new IOException("The server closed the connection.");
                    }

                    if (receive.AsSpan(0, read).IndexOf((byte)'\r') >= 0)
                    {
                        break;
                    }
                }

                if (phase.Value == 1)
                {
                    samples.Add(Stopwatch.GetTimestamp() - sent);
                }
            }
        }
    }

    private sealed class Phase
    {
        public volatile int Value;
    }

    /// <summary>The <paramref name="q"/> quantile of the values that are not NaN, linear between the two nearest ranks; NaN for none.</summary>
    internal static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = q * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        return sorted[low] + ((rank - low) * (sorted[Math.Min(low + 1, sorted.Length - 1)] - sorted[low]));
    }

    /// <summary>The usual median: <see cref="Quantile"/> at 0.5.</summary>
    internal static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>
    /// Medians over the slices of every (label, connections) row, and each server's throughput as a ratio to the
    /// baseline's: the ratio of the medians, and the median and middle half of the paired ratios (each slice against
    /// the baseline's slice of the same cycle, which saw the same state of a shared machine).
    /// </summary>
    public static int Report(IReadOnlyList<string> paths, string baselineLabel)
    {
        static double Number(string[] f, int i) => i < f.Length ? double.Parse(f[i], CultureInfo.InvariantCulture) : double.NaN;
        // Several files are several runs: a slice is paired with the baseline's slice of the same run and cycle.
        var rows = paths.SelectMany((path, run) => File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => new
        {
            Label = f[0], Connections = int.Parse(f[1], CultureInfo.InvariantCulture), Rate = Number(f, 2),
            P50 = Number(f, 3), P99 = Number(f, 4), P999 = Number(f, 5), Errors = long.Parse(f[6], CultureInfo.InvariantCulture),
            ServerBytes = Number(f, 7), ServerCpu = Number(f, 8), ClientCpu = Number(f, 9), Cycle = (int)Number(f, 10), Run = run,
        })).ToList();
        static string Format(double value, string format) => double.IsNaN(value) ? "" : value.ToString(format, CultureInfo.InvariantCulture);

        // Each slice of `label` against the slice of `against` in the same run and cycle, at one connection count (and
        // in one run, when given).
        List<double> Paired(string label, string against, int connections, int? run = null)
        {
            var theirs = rows.Where(r => r.Label == against && r.Connections == connections).ToList();
            return rows.Where(r => r.Label == label && r.Connections == connections && (run is null || r.Run == run))
                .Select(r => theirs.FirstOrDefault(b => b.Run == r.Run && b.Cycle == r.Cycle) is { } b ? r.Rate / b.Rate : double.NaN)
                .ToList();
        }

        Console.WriteLine("Against the baseline:");
        Console.WriteLine();
        Console.WriteLine("| server | connections | slices | msg/s (median) | ratio of medians | median of paired ratios | paired ratios, middle half | p50 ms | p99 ms | p99.9 ms | server B/msg | server µs CPU/msg | load tool µs CPU/msg | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => (r.Label, r.Connections)).OrderBy(g => g.Key.Connections).ThenBy(g => g.Key.Label == baselineLabel ? 0 : 1).ThenBy(g => g.Key.Label))
        {
            var baselines = rows.Where(r => r.Label == baselineLabel && r.Connections == group.Key.Connections).ToList();
            var rate = Median(group.Select(r => r.Rate));
            var ratio = baselines.Count == 0 ? double.NaN : rate / Median(baselines.Select(r => r.Rate));
            var paired = group.Key.Label == baselineLabel ? [] : Paired(group.Key.Label, baselineLabel, group.Key.Connections);
            var middle = paired.Count == 0 ? "" : $"{Format(Quantile(paired, 0.25), "F2")}–{Format(Quantile(paired, 0.75), "F2")}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Label} | {group.Key.Connections} | {group.Count()} | {rate:F0} | {Format(ratio, "F2")} | {(paired.Count == 0 ? "1.00" : Format(Median(paired), "F2"))} | {middle} | {Median(group.Select(r => r.P50)):F2} | {Median(group.Select(r => r.P99)):F2} | {Median(group.Select(r => r.P999)):F2} | {Format(Median(group.Select(r => r.ServerBytes)), "F0")} | {Format(Median(group.Select(r => r.ServerCpu)), "F1")} | {Format(Median(group.Select(r => r.ClientCpu)), "F1")} | {group.Sum(r => r.Errors)} |"));
        }

        // Each host's SIP2 server against the line answerer on the same host (sip2-kestrel against baseline-kestrel):
        // the SIP2 work alone, without what the host's transport costs.
        var sameHost = rows.Select(r => r.Label).Distinct()
            .Where(l => l.StartsWith("sip2-", StringComparison.Ordinal) && rows.Any(r => r.Label == "baseline-" + l["sip2-".Length..]))
            .ToList();
        if (sameHost.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Against the line answerer on the same host:");
            Console.WriteLine();
            Console.WriteLine("| server | against | connections | ratio of medians | median of paired ratios | paired ratios, middle half |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|");
            foreach (var label in sameHost)
            {
                var line = "baseline-" + label["sip2-".Length..];
                foreach (var connections in rows.Where(r => r.Label == label).Select(r => r.Connections).Distinct().Order())
                {
                    var mine = rows.Where(r => r.Label == label && r.Connections == connections).ToList();
                    var theirs = rows.Where(r => r.Label == line && r.Connections == connections).ToList();
                    var paired = Paired(label, line, connections);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {label} | {line} | {connections} | {Format(Median(mine.Select(r => r.Rate)) / Median(theirs.Select(r => r.Rate)), "F2")} | {Format(Median(paired), "F2")} | {Format(Quantile(paired, 0.25), "F2")}–{Format(Quantile(paired, 0.75), "F2")} |"));
                }
            }
        }

        if (paths.Count > 1)
        {
            // A run's median moves with the state of the machine in its minutes (±0.1 between runs of the same build
            // here): each run's median of paired ratios, and their median.
            Console.WriteLine();
            Console.WriteLine($"Run by run ({paths.Count} runs), median of paired ratios:");
            Console.WriteLine();
            Console.WriteLine("| server | against | connections | each run | median over the runs |");
            Console.WriteLine("|---|---|---:|---|---:|");
            // Every server against the baseline (the line answerer behind Kestrel too), then each host's SIP2 server
            // against the line answerer on the same host.
            var comparisons = rows.Select(r => r.Label).Distinct().Where(l => l != baselineLabel)
                .Select(l => (Label: l, Against: baselineLabel))
                .Concat(sameHost.Select(l => (Label: l, Against: "baseline-" + l["sip2-".Length..])));
            foreach (var (label, against) in comparisons)
            {
                foreach (var connections in rows.Where(r => r.Label == label).Select(r => r.Connections).Distinct().Order())
                {
                    var runs = Enumerable.Range(0, paths.Count).Select(run => Median(Paired(label, against, connections, run))).ToList();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {label} | {against} | {connections} | {string.Join(", ", runs.Select(r => Format(r, "F2")))} | {Format(Median(runs), "F2")} |"));
                }
            }
        }

        return 0;
    }
}

/// <summary>A server the load tool drives: its label in the results, its port, and its control port (0 for none).</summary>
public sealed record LoadTarget(string Label, int Port, int ControlPort)
{
    /// <summary>Reads <c>label=port</c> or <c>label=port:control-port</c>.</summary>
    public static LoadTarget Parse(string text)
    {
        var (label, ports) = text.Split('=', 2) is [var l, var p] ? (l, p.Split(':')) : throw new FormatException($"not label=port[:control-port]: {text}");
        return new LoadTarget(label, int.Parse(ports[0], CultureInfo.InvariantCulture), ports.Length > 1 ? int.Parse(ports[1], CultureInfo.InvariantCulture) : 0);
    }
}

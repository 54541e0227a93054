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

    public static async Task<int> RunAsync(int port, int controlPort, int connections, double warmupSeconds, double seconds, string label, string? outPath)
    {
        var frames = BuildFrames();
        CheckFrames(frames);
        var sockets = new Socket[connections];
        // Connect in bounded batches so the accept backlog never overflows at 1,024.
        for (var i = 0; i < connections; i += 64)
        {
            var batch = Enumerable.Range(i, Math.Min(64, connections - i)).Select(async n =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
                sockets[n] = socket;
            });
            await Task.WhenAll(batch);
        }

        var phase = new Phase();
        var samples = new List<long>[connections];
        var errors = 0L;
        var workers = new Task[connections];
        for (var i = 0; i < connections; i++)
        {
            var n = i;
            samples[n] = new List<long>(4096);
            workers[n] = Task.Run(async () =>
            {
                try
                {
                    await DriveAsync(sockets[n], frames, n, phase, samples[n]);
                }
                catch (Exception exception) when (exception is SocketException or IOException or ObjectDisposedException)
                {
                    Interlocked.Increment(ref errors);
                }
            });
        }

        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds));
        // With a control port, the server's allocations (GC.GetTotalAllocatedBytes, precise), gen0 collections and CPU
        // time over the measured phase.
        var before = controlPort > 0 ? await IdleTool.QueryAsync(controlPort) : default;
        phase.Value = 1;
        var clock = Stopwatch.StartNew();
        var clientCpu = BenchServers.ProcessorMicroseconds();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        phase.Value = 2;
        var elapsed = clock.Elapsed.TotalSeconds;
        clientCpu = BenchServers.ProcessorMicroseconds() - clientCpu;
        var after = controlPort > 0 ? await IdleTool.QueryAsync(controlPort) : default;
        await Task.WhenAll(workers);
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        var all = samples.SelectMany(s => s).ToArray();
        Array.Sort(all);
        var toMs = 1000.0 / Stopwatch.Frequency;
        double At(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)] * toMs;
        var rate = all.Length / elapsed;
        // CPU per message, server (from its control port, without the GC that port forces) and this load tool: with
        // many connections both share the machine's cores, and the throughput ratio follows the sum of the two.
        var measured = Math.Max(1, all.Length);
        var serverBytes = controlPort > 0 ? (after.Allocated - before.Allocated) / (double)measured : double.NaN;
        var serverCpu = controlPort > 0 ? (after.Cpu - before.CpuForced) / (double)measured : double.NaN;
        var perClient = clientCpu / (double)measured;
        var line = string.Join('\t', label, connections.ToString(CultureInfo.InvariantCulture), rate.ToString("F0", CultureInfo.InvariantCulture),
            At(0.50).ToString("F3", CultureInfo.InvariantCulture), At(0.99).ToString("F3", CultureInfo.InvariantCulture),
            At(0.999).ToString("F3", CultureInfo.InvariantCulture), errors.ToString(CultureInfo.InvariantCulture),
            serverBytes.ToString("F0", CultureInfo.InvariantCulture), serverCpu.ToString("F2", CultureInfo.InvariantCulture), perClient.ToString("F2", CultureInfo.InvariantCulture));
        var perMessage = controlPort > 0 && all.Length > 0
            ? $", server {serverBytes:F0} B/msg, {serverCpu:F2} µs CPU/msg, {(after.Collections - before.CollectionsForced) / elapsed:F0} gen0 GCs/s"
            : "";
        perMessage += $", load tool {perClient:F2} µs CPU/msg";
        Console.WriteLine($"{label} c={connections}: {rate:F0} msg/s, p50 {At(0.50):F3} ms, p99 {At(0.99):F3} ms, p99.9 {At(0.999):F3} ms, errors {errors}{perMessage}");
        if (outPath is not null)
        {
            await File.AppendAllTextAsync(outPath, line + "\n");
        }

        return errors == 0 ? 0 : 4;
    }

    private static async Task DriveAsync(Socket socket, byte[][] frames, int start, Phase phase, List<long> samples)
    {
        var receive = new byte[4096];
        frames = frames.Select(f => (byte[])f.Clone()).ToArray(); // this connection's own, rewritten below
        var serial = (long)start * 1_000_000_000; // unique across connections: the connection, then a count
        var next = start % frames.Length;
        while (phase.Value < 2)
        {
            var frame = frames[next];
            next = next + 1 == frames.Length ? 0 : next + 1;
            MakeUnique(frame, ++serial);
            var sent = Stopwatch.GetTimestamp();
            await socket.SendAsync(frame, SocketFlags.None);
            // One request in flight: the answer ends at the first CR (an LF after it is left in the buffer's tail).
            while (true)
            {
                var read = await socket.ReceiveAsync(receive, SocketFlags.None);
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

    private sealed class Phase
    {
        public volatile int Value;
    }

    /// <summary>
    /// Medians over the repeats of every (label, connections) row, and the SIP2 server's throughput as a ratio to the
    /// baseline's: the ratio of the medians, and the median of the ratios of each repeat (the SIP2 run and the baseline
    /// run just before it, which saw the same state of a shared machine).
    /// </summary>
    public static int Report(string path, string baselineLabel)
    {
        static double Number(string[] f, int i) => i < f.Length ? double.Parse(f[i], CultureInfo.InvariantCulture) : double.NaN;
        var rows = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select((f, index) => new
        {
            Index = index, Label = f[0], Connections = int.Parse(f[1], CultureInfo.InvariantCulture), Rate = Number(f, 2),
            P50 = Number(f, 3), P99 = Number(f, 4), P999 = Number(f, 5), Errors = long.Parse(f[6], CultureInfo.InvariantCulture),
            ServerBytes = Number(f, 7), ServerCpu = Number(f, 8), ClientCpu = Number(f, 9),
        }).ToList();
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        static string Format(double value, string format) => double.IsNaN(value) ? "" : value.ToString(format, CultureInfo.InvariantCulture);

        Console.WriteLine("| server | connections | runs | msg/s (median) | ratio of medians | median of paired ratios | p50 ms | p99 ms | p99.9 ms | server B/msg | server µs CPU/msg | load tool µs CPU/msg | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => (r.Label, r.Connections)).OrderBy(g => g.Key.Connections).ThenBy(g => g.Key.Label == baselineLabel ? 0 : 1).ThenBy(g => g.Key.Label))
        {
            var baselines = rows.Where(r => r.Label == baselineLabel && r.Connections == group.Key.Connections).ToList();
            var rate = Median(group.Select(r => r.Rate));
            var ratio = baselines.Count == 0 ? double.NaN : rate / Median(baselines.Select(r => r.Rate));
            // Each run against the baseline run of the same repeat: the last one before it.
            var paired = group.Key.Label == baselineLabel
                ? 1.0
                : Median(group.Select(r => baselines.LastOrDefault(b => b.Index < r.Index) is { } b ? r.Rate / b.Rate : double.NaN));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Label} | {group.Key.Connections} | {group.Count()} | {rate:F0} | {Format(ratio, "F2")} | {Format(paired, "F2")} | {Median(group.Select(r => r.P50)):F2} | {Median(group.Select(r => r.P99)):F2} | {Median(group.Select(r => r.P999)):F2} | {Format(Median(group.Select(r => r.ServerBytes)), "F0")} | {Format(Median(group.Select(r => r.ServerCpu)), "F1")} | {Format(Median(group.Select(r => r.ClientCpu)), "F1")} | {group.Sum(r => r.Errors)} |"));
        }

        return 0;
    }
}

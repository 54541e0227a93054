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
    internal const string ItemPlaceholder = "I0000000000000";

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
    /// its own, opened once and kept, each logged in as its own registration (<paramref name="credentials"/>) before
    /// anything is measured; in a slice only that target's connections send, for
    /// <paramref name="settleSeconds"/> unmeasured and then <paramref name="sliceSeconds"/> measured. The order of the
    /// targets rotates from cycle to cycle, so that none always follows the same one. First, each target is driven
    /// <paramref name="warmupSeconds"/> unmeasured (the JIT, the thread pool, the caches). Every slice is one row of
    /// the output, with its cycle, so that <see cref="Report"/> can pair each server with the baseline of the same
    /// cycle.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<LoadTarget> targets, int connections, int cycles, double warmupSeconds, double settleSeconds, double sliceSeconds, BenchCredentials credentials, string? outPath)
    {
        var frames = BuildFrames();
        CheckFrames(frames);
        var driven = new List<(LoadTarget Target, LoadConnection[] Connections)>();
        foreach (var target in targets)
        {
            var login = Stopwatch.StartNew();
            driven.Add((target, await ConnectAsync(target, connections, frames, credentials)));
            var loggedIn = target.IsLineAnswerer ? "sent the same login lines (line answerer: answers not checked)" : "logged in";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{target.Label} c={connections}: connected and {loggedIn} as {credentials.LoginId(0)} to {credentials.LoginId(connections - 1)} in {login.Elapsed.TotalSeconds:F1} s"));
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

    // Every connection logs in as its own registration (connection n as registration n, wrapping round the count)
    // before any slice, so that each is a session as a kiosk's is; the figures count from there.
    private static async Task<LoadConnection[]> ConnectAsync(LoadTarget target, int connections, byte[][] frames, BenchCredentials credentials)
    {
        var open = new LoadConnection[connections];
        // Connect in bounded batches so the accept backlog never overflows at 1,024.
        for (var i = 0; i < connections; i += 64)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(64, connections - i)).Select(async n =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, target.Port));
                await using (var stream = new NetworkStream(socket, ownsSocket: false))
                {
                    var answer = await KioskWire.ExchangeAsync(stream, credentials.LoginFrame(n), new byte[512], CancellationToken.None);
                    if (!target.IsLineAnswerer && !KioskWire.IsLoginAccepted(answer))
                    {
                        socket.Dispose();
                        throw new InvalidOperationException($"{target.Label}: the login of {credentials.LoginId(n)} was answered '{answer}' (does the server have --logins {credentials.Count}?)");
                    }
                }

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
        var clientCpu = BenchControl.ProcessorMicroseconds();
        await Task.Delay(TimeSpan.FromSeconds(measuredSeconds));
        phase.Value = 2;
        var elapsed = clock.Elapsed.TotalSeconds;
        clientCpu = BenchControl.ProcessorMicroseconds() - clientCpu;
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
}

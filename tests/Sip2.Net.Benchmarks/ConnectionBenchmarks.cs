using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using BenchmarkDotNet.Attributes;
using Sip2.Net.Server;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// The server's per-message cost without the network: one connection (or <see cref="Connections"/>, taking turns) over
/// in-memory pipes whose continuations run inline, so a request, its answer and the client's read of it happen on one
/// thread in one call. Each connection logs in first, outside what is measured. The load mix is the load tool's
/// (<see cref="LoadTool.BuildFrames"/>, every checkout and checkin a new transaction), the back end the load
/// server's, and the baseline the load baseline's line answerer over the same pipes. What is left between them is the SIP2 work per message: what the load figures show as the gap at high
/// connection counts, where the servers are CPU-bound, here without the kernel's share and its noise.
/// </summary>
[Config(typeof(CodecConfig))]
[MemoryDiagnoser]
public class ConnectionBenchmarks
{
    private const int Messages = 1_000;

    private readonly byte[] filler = Enumerable.Repeat((byte)'x', 64 * 1024).ToArray();
    private byte[][] frames = [];
    private long serial;
    private (Pipe ToServer, Pipe ToClient)[] connections = [];
    private Task[] serving = [];
    private int[] nextFrame = [];
    private long sent;
    private Sip2ConnectionHandler? handler;

    [Params("baseline", "sip2")]
    public string Server { get; set; } = "";

    /// <summary>
    /// Bytes of other memory written between messages (one byte per cache line), 0 for none. Under load the kernel's
    /// network work between two messages of a connection evicts the caches, and the server's code and data are read
    /// back from memory for every message; this does the same without the network, so what that costs each server
    /// can be measured and profiled in process. The writes cost time of their own, the same for both servers:
    /// compare the two at the same size.
    /// </summary>
    public int EvictBytes { get; set; }

    private byte[] evicting = [];

    /// <summary>
    /// Connections the messages take turns on, 1 by default. Under load every message of a connection finds that
    /// connection's own state (its objects, buffers, the state machine of its loop) gone from the caches, read back
    /// by the other connections' messages in between; with many connections here, so does it in process.
    /// </summary>
    public int Connections { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        frames = LoadTool.BuildFrames();
        evicting = new byte[EvictBytes];
        var inline = new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false);
        connections = Enumerable.Range(0, Math.Max(1, Connections)).Select(_ => (new Pipe(inline), new Pipe(inline))).ToArray();
        nextFrame = Enumerable.Range(0, connections.Length).Select(c => c % frames.Length).ToArray();
        if (Server == "baseline")
        {
            serving = connections.Select(c => BenchServers.AnswerLinesAsync(c.ToServer.Reader, c.ToClient.Writer, filler)).ToArray();
            return;
        }

        // A registration for each connection, hashed with the fewest iterations: the logins happen here, outside
        // what is measured, and only their outcome matters (the port is never bound here).
        var settings = new BenchServerSettings { Logins = connections.Length, HashIterations = Access.Sip2PasswordHash.MinimumIterations };
        handler = BenchServers.CreateHandlerAsync(port: 0, settings, certificate: null, CancellationToken.None).GetAwaiter().GetResult();
        serving = connections.Select(c => handler.RunAsync(new Duplex(c.ToServer.Reader, c.ToClient.Writer), IPAddress.Loopback)).ToArray();
        for (var i = 0; i < connections.Length; i++)
        {
            var answer = ExchangeAsync(connections[i], KioskWire.LoginFrame(BenchLogins.LoginId(i), BenchLogins.SharedPassword)).GetAwaiter().GetResult();
            if (!KioskWire.IsLoginAccepted(answer))
            {
                throw new InvalidOperationException($"The login of connection {i} was answered {answer}.");
            }
        }
    }

    // One request and its answer, up to its CR, on one connection; the answer as text.
    private static async Task<string> ExchangeAsync((Pipe ToServer, Pipe ToClient) connection, byte[] frame)
    {
        await connection.ToServer.Writer.WriteAsync(frame);
        while (true)
        {
            var read = await connection.ToClient.Reader.ReadAsync();
            if (read.Buffer.PositionOf((byte)'\r') is { } cr)
            {
                var answer = System.Text.Encoding.ASCII.GetString(read.Buffer.Slice(0, cr).ToArray());
                connection.ToClient.Reader.AdvanceTo(read.Buffer.GetPosition(1, cr));
                return answer;
            }

            if (read.IsCompleted)
            {
                throw new InvalidOperationException("The server closed the connection.");
            }

            connection.ToClient.Reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (toServer, _) in connections)
        {
            toServer.Writer.Complete();
        }

        Task.WhenAll(serving).GetAwaiter().GetResult();
        handler?.Dispose();
    }

    /// <summary>Sends <see cref="Messages"/> requests of the mix one at a time, reading each answer to its CR.</summary>
    [Benchmark(OperationsPerInvoke = Messages)]
    public async Task<long> RoundTrip()
    {
        long answered = 0;
        for (var i = 0; i < Messages; i++)
        {
            Evict();
            // Each connection goes through the mix in order (a connection sent the same status twice running
            // would be answered from its last response, as a retransmission).
            var turn = (int)(sent++ % connections.Length);
            var (toServer, toClient) = connections[turn];
            var frame = frames[nextFrame[turn]];
            nextFrame[turn] = (nextFrame[turn] + 1) % frames.Length;
            LoadTool.MakeUnique(frame, ++serial);
            await toServer.Writer.WriteAsync(frame);
            while (true)
            {
                var read = await toClient.Reader.ReadAsync();
                var end = read.Buffer.PositionOf((byte)'\r');
                if (end is { } cr)
                {
                    answered += read.Buffer.Slice(0, cr).Length;
                    toClient.Reader.AdvanceTo(read.Buffer.GetPosition(1, cr));
                    break;
                }

                if (read.IsCompleted)
                {
                    throw new InvalidOperationException("The server closed the connection.");
                }

                toClient.Reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }

        return answered;
    }

    private void Evict()
    {
        for (var i = 0; i < evicting.Length; i += 64)
        {
            evicting[i]++;
        }
    }

    /// <summary>
    /// The same round trips as a plain loop, for a profiler (perf) where BenchmarkDotNet's phases would blur the
    /// picture: 3 s of warm-up (the JIT's tiers), then <paramref name="seconds"/> measured; prints wall and CPU time
    /// and bytes allocated per message.
    /// </summary>
    public static async Task<int> RunLoopAsync(string server, double seconds, int evictKilobytes, int connections = 1)
    {
        var benchmark = new ConnectionBenchmarks { Server = server, EvictBytes = evictKilobytes * 1024, Connections = connections };
        benchmark.Setup();
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 3)
        {
            await benchmark.RoundTrip();
        }

        long messages = 0;
        var clock = Stopwatch.StartNew();
        var cpu = BenchControl.ProcessorMicroseconds();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await benchmark.RoundTrip();
            messages += Messages;
        }

        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{server}{(connections > 1 ? $" ({connections} connections)" : "")}{(evictKilobytes > 0 ? $" (evicting {evictKilobytes} KiB between messages)" : "")}: {clock.Elapsed.TotalMilliseconds * 1e6 / messages:F0} ns/msg wall, {(BenchControl.ProcessorMicroseconds() - cpu) * 1e3 / messages:F0} ns/msg CPU, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)messages:F0} B/msg"));
        benchmark.Cleanup();
        return 0;
    }

    /// <summary>
    /// The baseline and the SIP2 server in one process, taking turns by round trips of <see cref="Messages"/>
    /// messages (a few milliseconds each) for <paramref name="seconds"/> after the warm-up: on a shared machine whose
    /// speed drifts, runs seconds apart differ by more than a change does, and turns this short see the same machine.
    /// Prints each server's median time per message and the medians of the paired differences and ratios.
    /// </summary>
    public static async Task<int> RunPairedAsync(double seconds, int evictKilobytes, int connections)
    {
        var baseline = new ConnectionBenchmarks { Server = "baseline", EvictBytes = evictKilobytes * 1024, Connections = connections };
        var sip2 = new ConnectionBenchmarks { Server = "sip2", EvictBytes = evictKilobytes * 1024, Connections = connections };
        baseline.Setup();
        sip2.Setup();
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 3)
        {
            await baseline.RoundTrip();
            await sip2.RoundTrip();
        }

        var pairs = new List<(double Baseline, double Sip2)>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            // The order alternates, so that neither always runs on the caches the other left.
            var first = pairs.Count % 2 == 0;
            var a = await TimeAsync(first ? baseline : sip2);
            var b = await TimeAsync(first ? sip2 : baseline);
            pairs.Add(first ? (a, b) : (b, a));
        }

        static async Task<double> TimeAsync(ConnectionBenchmarks benchmark)
        {
            var started = Stopwatch.GetTimestamp();
            await benchmark.RoundTrip();
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds * 1e6 / Messages;
        }

        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{connections} connection(s){(evictKilobytes > 0 ? $", evicting {evictKilobytes} KiB between messages" : "")}, {pairs.Count} pairs: baseline {LoadTool.Median(pairs.Select(p => p.Baseline)):F0} ns/msg, sip2 {LoadTool.Median(pairs.Select(p => p.Sip2)):F0} ns/msg, SIP2 work (paired difference) {LoadTool.Median(pairs.Select(p => p.Sip2 - p.Baseline)):F0} ns/msg, paired ratio {LoadTool.Median(pairs.Select(p => p.Sip2 / p.Baseline)):F2}"));
        baseline.Cleanup();
        sip2.Cleanup();
        return 0;
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}

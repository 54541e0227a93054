using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using BenchmarkDotNet.Attributes;
using Sip2.Net.Server;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// The server's per-message cost without the network: one connection over in-memory pipes whose continuations run
/// inline, so a request, its answer and the client's read of it happen on one thread in one call. The load mix is
/// the load tool's (<see cref="LoadTool.BuildFrames"/>, every checkout and checkin a new transaction), the back end
/// the load server's, and the baseline the load baseline's line answerer over the same pipes. What is left between
/// them is the SIP2 work per message: what the load figures show as the gap at high connection counts, where the
/// servers are CPU-bound, here without the kernel's share and its noise.
/// </summary>
[Config(typeof(CodecConfig))]
[MemoryDiagnoser]
public class ConnectionBenchmarks
{
    private const int Messages = 1_000;

    private readonly byte[] filler = Enumerable.Repeat((byte)'x', 64 * 1024).ToArray();
    private byte[][] frames = [];
    private long serial;
    private Pipe toServer = null!;
    private Pipe toClient = null!;
    private Task serving = Task.CompletedTask;
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

    [GlobalSetup]
    public void Setup()
    {
        frames = LoadTool.BuildFrames();
        evicting = new byte[EvictBytes];
        var inline = new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false);
        toServer = new Pipe(inline);
        toClient = new Pipe(inline);
        if (Server == "baseline")
        {
            serving = BenchServers.AnswerLinesAsync(toServer.Reader, toClient.Writer, filler);
            return;
        }

        handler = BenchServers.CreateHandlerAsync(port: 0, CancellationToken.None).GetAwaiter().GetResult(); // the port is never bound here
        serving = handler.RunAsync(new Duplex(toServer.Reader, toClient.Writer), IPAddress.Loopback);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        toServer.Writer.Complete();
        serving.GetAwaiter().GetResult();
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
            var frame = frames[i % frames.Length];
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
    public static async Task<int> RunLoopAsync(string server, double seconds, int evictKilobytes)
    {
        var benchmark = new ConnectionBenchmarks { Server = server, EvictBytes = evictKilobytes * 1024 };
        benchmark.Setup();
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 3)
        {
            await benchmark.RoundTrip();
        }

        long messages = 0;
        var clock = Stopwatch.StartNew();
        var cpu = BenchServers.ProcessorMicroseconds();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            await benchmark.RoundTrip();
            messages += Messages;
        }

        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{server}{(evictKilobytes > 0 ? $" (evicting {evictKilobytes} KiB between messages)" : "")}: {clock.Elapsed.TotalMilliseconds * 1e6 / messages:F0} ns/msg wall, {(BenchServers.ProcessorMicroseconds() - cpu) * 1e3 / messages:F0} ns/msg CPU, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)messages:F0} B/msg"));
        benchmark.Cleanup();
        return 0;
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}

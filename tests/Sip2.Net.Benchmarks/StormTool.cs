using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sip2.Net.Access;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// A restart storm: M kiosks in session keep sending at a fixed rate each while N other registrations, each with its
/// own login id, connect and log in all at once, as every kiosk of every library does after a deploy. Reports what
/// the kiosks in session felt before, during and after the storm, and how long the storm took.
/// </summary>
public static class StormTool
{
    // The goal's bound divides by the machine's cores: those the server's hashes can run on.
    private static readonly int Cores = Environment.ProcessorCount;

    public static async Task<int> RunAsync(StormOptions options)
    {
        if (options.Kiosks < 0 || options.Storm < 1 || options.IntervalMs <= 0)
        {
            Console.Error.WriteLine("storm: --kiosks at least 0, --storm at least 1, --interval-ms above 0");
            return 2;
        }

        var endpoint = new IPEndPoint(IPAddress.Loopback, options.Port);
        var (hashMs, hashWallMs) = OneHashMilliseconds(options.HashIterations);
        var frames = KioskWire.RequestFrames(options.Mix);
        var kiosks = await StormKiosks.ConnectAsync(endpoint, options);
        using var stopKiosks = new CancellationTokenSource();
        var sending = kiosks.StartSending(frames, options.IntervalMs, stopKiosks.Token);

        // A second for the kiosks to reach their rate, then the reference window, then the storm.
        await Task.Delay(TimeSpan.FromSeconds(1 + options.BeforeSeconds));
        var before = options.ControlPort > 0 ? await IdleTool.QueryAsync(options.ControlPort, "counters") : default;
        var storm = new StormLogins(endpoint, options);
        var stormStart = Stopwatch.GetTimestamp();
        await storm.RunAsync();
        var stormEnd = storm.LastAnswer ?? Stopwatch.GetTimestamp();
        var after = options.ControlPort > 0 ? await IdleTool.QueryAsync(options.ControlPort, "counters") : default;
        await Task.Delay(TimeSpan.FromSeconds(options.AfterSeconds));
        await stopKiosks.CancelAsync();
        await sending;
        storm.Close();
        kiosks.Close();

        // A shared VM runs slower under sustained load than for one quick hash: the goal's "N × one hash ÷ cores" is
        // also measured as it reads, N hashes on every core of this machine, once nothing of the storm runs.
        await Task.Delay(TimeSpan.FromSeconds(1)); // the server closing the storm's connections
        var hashesSeconds = HashesOnEveryCoreSeconds(options.Storm, options.HashIterations);

        var seconds = Stopwatch.GetElapsedTime(stormStart, stormEnd).TotalSeconds;
        var serverCpu = options.ControlPort > 0 ? (after.Cpu - before.CpuForced) / 1e6 : double.NaN;
        var perSecond = Stopwatch.Frequency;
        var windows = new (string Name, long From, long To)[]
        {
            ("before", stormStart - (long)(options.BeforeSeconds * perSecond), stormStart),
            ("during", stormStart, stormEnd),
            ("after", stormEnd, stormEnd + (long)(options.AfterSeconds * perSecond)),
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"storm {options.Label}: {options.Storm} logins ({options.Credentials.LoginId(options.FirstStormRegistration)} to {options.Credentials.LoginId(options.FirstStormRegistration + options.Storm - 1)}) with {options.Kiosks} kiosks in session (one request every {options.IntervalMs:F0} ms each, {options.Mix} mix)"));
        var logins = Percentiles.Sorted(storm.AnswerTimes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  storm: last login answered {seconds:F2} s after the start, {storm.Accepted / seconds:F1} accepted logins/s; accepted {storm.Accepted}, refused {storm.Refused}, failed {storm.Failed} (connect {storm.ConnectFailed}, closed {storm.Closed}, timeout {storm.TimedOut}); server CPU {(double.IsNaN(serverCpu) ? "-" : serverCpu.ToString("F1", CultureInfo.InvariantCulture))} s"));
        Console.WriteLine($"  storm login, connect to answer: {Percentiles.Describe(logins, 0.5, 0.99)}");
        var bound = Bound(options.Storm, hashMs);
        var measuredBound = 1.2 * hashesSeconds;
        var perLogin = double.IsNaN(serverCpu) || storm.Accepted + storm.Refused == 0 ? "-" : (serverCpu * 1000 / (storm.Accepted + storm.Refused)).ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one hash here: {hashMs:F1} ms of CPU ({hashWallMs:F1} ms wall; PBKDF2 {options.HashIterations} iterations, fastest of 3 in this process before the storm); {options.Storm} hashes on {Cores} threads after it: {hashesSeconds:F1} s; the server's CPU per storm login {perLogin} ms (the kiosks' requests included)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  the goal's bound 1.2 × {options.Storm} × {hashMs:F1} ms ÷ {Cores} cores = {bound:F1} s: the storm took {seconds:F1} s, {Verdict(seconds, bound)}; measured as 1.2 × {hashesSeconds:F1} s = {measuredBound:F1} s, {Verdict(seconds, measuredBound)}"));
        var columns = new List<string>
        {
            options.Label, options.Kiosks.ToString(CultureInfo.InvariantCulture), options.Storm.ToString(CultureInfo.InvariantCulture),
            seconds.ToString("F2", CultureInfo.InvariantCulture), (storm.Accepted / seconds).ToString("F1", CultureInfo.InvariantCulture),
            storm.Accepted.ToString(CultureInfo.InvariantCulture), storm.Refused.ToString(CultureInfo.InvariantCulture), storm.Failed.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, from, to) in windows)
        {
            var latency = kiosks.Samples(from, to, rtt: false);
            var rtt = kiosks.Samples(from, to, rtt: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  in session {name} ({Stopwatch.GetElapsedTime(from, to).TotalSeconds:F1} s, {latency.Length} requests): latency {Percentiles.Describe(latency, 0.5, 0.99, 0.999)}; rtt {Percentiles.Describe(rtt, 0.99)}"));
            columns.Add(Percentiles.Columns(latency, 0.5, 0.99, 0.999));
        }

        Console.WriteLine($"  in-session kiosks whose connection failed: {kiosks.Failures}; requests answered wrongly: {kiosks.WrongAnswers}");
        columns.Add(Percentiles.Columns(logins, 0.5, 0.99));
        columns.Add(double.IsNaN(serverCpu) ? "-" : serverCpu.ToString("F1", CultureInfo.InvariantCulture));
        columns.Add(hashMs.ToString("F1", CultureInfo.InvariantCulture));
        columns.Add(hashesSeconds.ToString("F2", CultureInfo.InvariantCulture));
        if (options.OutPath is not null)
        {
            await File.AppendAllTextAsync(options.OutPath, string.Join('\t', columns) + "\n");
        }

        return storm.Failed + storm.Refused + kiosks.Failures + kiosks.WrongAnswers == 0 ? 0 : 4;
    }

    private static double Bound(int logins, double hashMs) => 1.2 * logins * hashMs / 1000 / Cores;

    private static string Verdict(double seconds, double bound) => seconds <= bound ? "within" : "over";

    // Wall seconds for this process to hash `count` times on one thread per core: the storm's work with nothing else.
    private static double HashesOnEveryCoreSeconds(int count, int iterations)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var threads = Enumerable.Range(0, Cores).Select(core => new Thread(() =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                _ = Sip2PasswordHash.Create("storm-estimate", iterations);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    // What one hash costs on a core of this machine now, in CPU time (this process's, while nothing else of it runs)
    // and in wall time: the fastest of three each, so that another process's moment on the core is not counted.
    private static (double CpuMs, double WallMs) OneHashMilliseconds(int iterations)
    {
        double cpu = double.MaxValue, wall = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var startedCpu = BenchControl.ProcessorMicroseconds();
            var started = Stopwatch.GetTimestamp();
            _ = Sip2PasswordHash.Create("storm-estimate", iterations);
            wall = Math.Min(wall, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            cpu = Math.Min(cpu, (BenchControl.ProcessorMicroseconds() - startedCpu) / 1000.0);
        }

        return (cpu, wall);
    }

    // The storm: every login started at once, each on a connection of its own, kept open after its answer (a kiosk
    // that logged in stays), until the end.
    private sealed class StormLogins(IPEndPoint endpoint, StormOptions options)
    {
        private readonly Socket?[] sockets = new Socket?[options.Storm];
        private readonly long[] answered = new long[options.Storm];
        private long lastAnswer;
        private int accepted, refused, connectFailed, closed, timedOut;

        public int Accepted => accepted;

        public int Refused => refused;

        public int ConnectFailed => connectFailed;

        public int Closed => closed;

        public int TimedOut => timedOut;

        public int Failed => connectFailed + closed + timedOut;

        // When the last login was answered (940 or 941); null when none was.
        public long? LastAnswer => lastAnswer == 0 ? null : lastAnswer;

        // From the start of the connect to the answer, for the answered logins.
        public IEnumerable<long> AnswerTimes => answered.Where(t => t > 0);

        public async Task RunAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
            await Task.WhenAll(Enumerable.Range(0, options.Storm).Select(j => LoginAsync(j, timeout.Token)));
        }

        private async Task LoginAsync(int j, CancellationToken timeout)
        {
            var started = Stopwatch.GetTimestamp();
            Socket socket;
            try
            {
                socket = await KioskWire.ConnectAsync(endpoint, source: null, timeout);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                Interlocked.Increment(ref exception is OperationCanceledException ? ref timedOut : ref connectFailed);
                return;
            }

            sockets[j] = socket;
            try
            {
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                var answer = await KioskWire.ExchangeAsync(stream, options.Credentials.LoginFrame(options.FirstStormRegistration + j), new byte[256], timeout);
                var now = Stopwatch.GetTimestamp();
                answered[j] = now - started;
                InterlockedMax(ref lastAnswer, now);
                Interlocked.Increment(ref KioskWire.IsLoginAccepted(answer) ? ref accepted : ref refused);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref timedOut);
            }
            catch (Exception exception) when (exception is SocketException or IOException)
            {
                Interlocked.Increment(ref closed);
            }
        }

        private static void InterlockedMax(ref long target, long value)
        {
            var seen = Interlocked.Read(ref target);
            while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var previous && previous != seen)
            {
                seen = previous;
            }
        }

        public void Close()
        {
            foreach (var socket in sockets)
            {
                socket?.Dispose();
            }
        }
    }
}

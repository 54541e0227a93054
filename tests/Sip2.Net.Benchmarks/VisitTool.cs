using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// Connection-per-transaction clients, as payment and PC-booking systems are, and any kiosk after a network blip:
/// each of C clients repeatedly connects, logs in, sends R requests one at a time and closes, with no pause between
/// visits (a closed loop). Figures are over the visits that started within the measured window, each followed to
/// its end, so a slow visit near the window's end is counted, not cut off.
/// </summary>
public static class VisitTool
{
    public static async Task<int> RunAsync(VisitOptions options)
    {
        if (options.Clients < 1 || options.Requests < 0 || options.DurationSeconds <= 0)
        {
            Console.Error.WriteLine("visit: --clients at least 1, --requests at least 0, --duration above 0");
            return 2;
        }

        var frames = KioskWire.RequestFrames(options.Mix);
        var endpoint = new IPEndPoint(IPAddress.Loopback, options.Port);
        var phase = new VisitPhase();
        var run = new VisitRun(options);
        var clients = Enumerable.Range(0, options.Clients).Select(i => Task.Run(() => run.ClientAsync(i, endpoint, frames, phase))).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        var before = options.ControlPort > 0 ? await IdleTool.QueryAsync(options.ControlPort, "counters") : default;
        var clientCpu = BenchControl.ProcessorMicroseconds();
        var clock = Stopwatch.StartNew();
        phase.Value = 1;
        await Task.Delay(TimeSpan.FromSeconds(options.DurationSeconds));
        phase.Value = 2;
        var seconds = clock.Elapsed.TotalSeconds;
        // The visits in flight at the window's end started in it: they are waited for, and their server and client
        // CPU is in the figures, as is that of the few unmeasured visits that start meanwhile.
        await Task.WhenAll(clients);
        clientCpu = BenchControl.ProcessorMicroseconds() - clientCpu;
        var after = options.ControlPort > 0 ? await IdleTool.QueryAsync(options.ControlPort, "counters") : default;

        var visits = Percentiles.Sorted(run.Samples.SelectMany(s => s).Select(s => s.Visit));
        var logins = Percentiles.Sorted(run.Samples.SelectMany(s => s).Select(s => s.Login));
        var rate = visits.Length / seconds;
        var perVisit = Math.Max(1, visits.Length);
        var serverCpu = options.ControlPort > 0 ? (after.Cpu - before.CpuForced) / (double)perVisit : double.NaN;
        var failures = run.Failures;
        double[] qs = [0.50, 0.90, 0.99, 0.999];
        var credential = options.Credential switch
        {
            "one" => $"one ({options.Credentials.LoginId(options.LoginOffset)})",
            "per-client" => $"per-client ({options.Credentials.LoginId(options.LoginOffset)} to {options.Credentials.LoginId(options.LoginOffset + options.Clients - 1)})",
            _ => run.RotationLine,
        };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"visit {options.Label} c={options.Clients} R={options.Requests} {options.Mix}, credential {credential}: {rate:F1} visits/s ({visits.Length} in {seconds:F1} s)"));
        Console.WriteLine($"  visit {Percentiles.Describe(visits, qs)}");
        Console.WriteLine($"  login {Percentiles.Describe(logins, qs)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  failed {failures.Total} (connect {failures.Connect}, login refused {failures.LoginRefused}, closed {failures.Closed}, timeout {failures.Timeout}, wrong answer {failures.WrongAnswer}); server {(double.IsNaN(serverCpu) ? "-" : serverCpu.ToString("F0", CultureInfo.InvariantCulture))} µs CPU/visit; load tool {clientCpu / (double)perVisit:F0} µs CPU/visit"));
        if (options.OutPath is not null)
        {
            var row = string.Join('\t', options.Label, options.Clients.ToString(CultureInfo.InvariantCulture), options.Requests.ToString(CultureInfo.InvariantCulture),
                options.Mix, options.Credential, rate.ToString("F1", CultureInfo.InvariantCulture), Percentiles.Columns(visits, qs), Percentiles.Columns(logins, qs),
                failures.Total.ToString(CultureInfo.InvariantCulture), double.IsNaN(serverCpu) ? "-" : serverCpu.ToString("F0", CultureInfo.InvariantCulture),
                (clientCpu / (double)perVisit).ToString("F0", CultureInfo.InvariantCulture));
            await File.AppendAllTextAsync(options.OutPath, row + "\n");
        }

        return failures.Total == 0 ? 0 : 4;
    }

    private sealed class VisitPhase
    {
        public volatile int Value;
    }

    // The failures by kind, counted over the whole run (warm-up included: a failure is a failure).
    private sealed class VisitFailures
    {
        public long Connect;
        public long LoginRefused;
        public long Closed;
        public long Timeout;
        public long WrongAnswer;

        public long Total => Connect + LoginRefused + Closed + Timeout + WrongAnswer;
    }

    // The state the clients share: the rotation's counter, the samples and the failures.
    private sealed class VisitRun(VisitOptions options)
    {
        private long rotation;

        public List<(long Visit, long Login)>[] Samples { get; } = Enumerable.Range(0, options.Clients).Select(_ => new List<(long, long)>(4096)).ToArray();

        public VisitFailures Failures { get; } = new();

        public string RotationLine
        {
            get
            {
                var used = Interlocked.Read(ref rotation);
                var last = options.LoginOffset + used - 1;
                return last < options.Credentials.Count
                    ? $"rotate ({options.Credentials.LoginId(options.LoginOffset)} to {options.Credentials.LoginId(last)}, each once: every login a first one since the server started, if no earlier run used them)"
                    : $"rotate (wrapped after {options.Credentials.Count - options.LoginOffset} visits: {used} visits over {options.Credentials.Count} registrations, later logins repeat earlier ones)";
            }
        }

        private long NextRegistration(int client) => options.Credential switch
        {
            "one" => options.LoginOffset,
            "per-client" => options.LoginOffset + client,
            "rotate" => options.LoginOffset + Interlocked.Increment(ref rotation) - 1,
            _ => throw new ArgumentException($"unknown credential '{options.Credential}' (one, per-client or rotate)"),
        };

        public async Task ClientAsync(int client, IPEndPoint endpoint, byte[][] shared, VisitPhase phase)
        {
            var frames = shared.Select(f => (byte[])f.Clone()).ToArray(); // rewritten in place: one copy per client
            var serial = (long)client * 1_000_000_000; // item ids unique across clients: the client, then a count
            var buffer = new byte[4096];
            var lineAnswerer = options.Label.StartsWith("baseline", StringComparison.Ordinal);
            while (phase.Value < 2)
            {
                var measured = phase.Value == 1;
                var registration = NextRegistration(client);
                var connected = false;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var socket = await KioskWire.ConnectAsync(endpoint, source: null, timeout.Token);
                    connected = true;
                    await using var stream = new NetworkStream(socket, ownsSocket: false);
                    var loginSent = Stopwatch.GetTimestamp();
                    var answer = await KioskWire.ExchangeAsync(stream, options.Credentials.LoginFrame(registration), buffer, timeout.Token);
                    var login = Stopwatch.GetTimestamp() - loginSent;
                    if (!lineAnswerer && !KioskWire.IsLoginAccepted(answer))
                    {
                        Interlocked.Increment(ref Failures.LoginRefused);
                        await Task.Delay(10); // a server that refuses is not to be spun against
                        continue;
                    }

                    var answered = true;
                    for (var r = 0; r < options.Requests && answered; r++)
                    {
                        var frame = frames[r % frames.Length];
                        LoadTool.MakeUnique(frame, ++serial);
                        answered = lineAnswerer || KioskWire.Answers(frame, await KioskWire.ExchangeAsync(stream, frame, buffer, timeout.Token));
                    }

                    if (!answered)
                    {
                        Interlocked.Increment(ref Failures.WrongAnswer);
                    }
                    else if (measured)
                    {
                        Samples[client].Add((Stopwatch.GetTimestamp() - started, login));
                    }
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref Failures.Timeout);
                }
                catch (Exception exception) when (exception is SocketException or IOException)
                {
                    Interlocked.Increment(ref connected ? ref Failures.Closed : ref Failures.Connect);
                    await Task.Delay(10); // a server that refuses is not to be spun against
                }
            }
        }
    }
}

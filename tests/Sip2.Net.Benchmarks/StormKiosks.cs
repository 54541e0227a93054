using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// The storm's kiosks in session: connected and logged in first, then each sending one request every interval, one
/// in flight at a time. A request held back because the answer before it came after it was due counts its latency
/// from when it was due, not from when it went out: the wait counts (otherwise a stall would hide itself by
/// suppressing the requests that would have measured it). A request not held back counts from its send, so that
/// the tool's own timer lateness is not counted. The round trip from the send (RTT) is kept too.
/// </summary>
internal sealed class StormKiosks
{
    private readonly Socket[] sockets;
    private readonly NetworkStream[] streams;
    private readonly List<(long Due, long Latency, long Rtt)>[] samples;
    private int failures;
    private int wrongAnswers;

    private StormKiosks(Socket[] sockets)
    {
        this.sockets = sockets;
        streams = sockets.Select(s => new NetworkStream(s, ownsSocket: false)).ToArray();
        samples = sockets.Select(_ => new List<(long, long, long)>(4096)).ToList().ToArray();
    }

    /// <summary>Kiosks whose connection failed (a kiosk stops there).</summary>
    public int Failures => Volatile.Read(ref failures);

    /// <summary>Requests answered with something other than their response (a 96, say): still timed, and counted here.</summary>
    public int WrongAnswers => Volatile.Read(ref wrongAnswers);

    /// <summary>Connects and logs in the kiosks, 32 at a time; throws when one is refused.</summary>
    public static async Task<StormKiosks> ConnectAsync(IPEndPoint endpoint, StormOptions options)
    {
        var sockets = new Socket[options.Kiosks];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < options.Kiosks; i += 32)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(32, options.Kiosks - i)).Select(async k =>
            {
                var socket = await KioskWire.ConnectAsync(endpoint, source: null, CancellationToken.None);
                await using (var stream = new NetworkStream(socket, ownsSocket: false))
                {
                    var registration = options.KioskOffset + k;
                    var answer = await KioskWire.ExchangeAsync(stream, options.Credentials.LoginFrame(registration), new byte[256], CancellationToken.None);
                    if (!KioskWire.IsLoginAccepted(answer))
                    {
                        socket.Dispose();
                        throw new InvalidOperationException($"The login of {options.Credentials.LoginId(registration)} was answered '{answer}'.");
                    }
                }

                sockets[k] = socket;
            }));
        }

        if (options.Kiosks > 0)
        {
            Console.WriteLine(System.FormattableString.Invariant(
                $"{options.Kiosks} kiosks in session ({options.Credentials.LoginId(options.KioskOffset)} to {options.Credentials.LoginId(options.KioskOffset + options.Kiosks - 1)}), logged in in {clock.Elapsed.TotalSeconds:F1} s"));
        }

        return new StormKiosks(sockets);
    }

    /// <summary>Starts every kiosk's fixed-rate loop, their first requests spread over one interval; ends at the stop.</summary>
    public Task StartSending(byte[][] frames, double intervalMs, CancellationToken stop)
    {
        var interval = (long)(intervalMs * Stopwatch.Frequency / 1000);
        var start = Stopwatch.GetTimestamp();
        return Task.WhenAll(Enumerable.Range(0, sockets.Length).Select(k =>
            Task.Run(() => SendAsync(k, frames, start + (interval * k / Math.Max(1, sockets.Length)), interval, stop), CancellationToken.None)));
    }

    private async Task SendAsync(int kiosk, byte[][] shared, long first, long interval, CancellationToken stop)
    {
        var frames = shared.Select(f => (byte[])f.Clone()).ToArray();
        var serial = (long)kiosk * 1_000_000_000; // item ids unique across kiosks: the kiosk, then a count
        var buffer = new byte[4096];
        var due = first;
        var previousAnswer = 0L;
        var next = kiosk % frames.Length;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency), stop);
                }

                var frame = frames[next];
                next = (next + 1) % frames.Length;
                LoadTool.MakeUnique(frame, ++serial);
                var sent = Stopwatch.GetTimestamp();
                if (!KioskWire.Answers(frame, await KioskWire.ExchangeAsync(streams[kiosk], frame, buffer, stop)))
                {
                    Interlocked.Increment(ref wrongAnswers);
                }

                var answered = Stopwatch.GetTimestamp();
                var heldBack = previousAnswer > due;
                samples[kiosk].Add((due, answered - (heldBack ? due : sent), answered - sent));
                previousAnswer = answered;
                due += interval; // when behind, the next request goes at once
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            Interlocked.Increment(ref failures);
        }
    }

    /// <summary>
    /// The latencies of the requests that were due in [<paramref name="from"/>, <paramref name="to"/>), sorted; with
    /// <paramref name="rtt"/> their round trips from the send instead.
    /// </summary>
    public long[] Samples(long from, long to, bool rtt) =>
        Percentiles.Sorted(samples.SelectMany(s => s).Where(s => s.Due >= from && s.Due < to).Select(s => rtt ? s.Rtt : s.Latency));

    public void Close()
    {
        foreach (var stream in streams)
        {
            stream.Dispose();
        }

        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// The legitimate kiosks of the stress battery: K kiosks on 127.0.0.1, kiosk k as registration k, each visiting in a
/// loop (connect, Login 93, one SC Status 99, close, then a pause) through the whole run of an attack. A visit
/// succeeds when its login is accepted and its 99 answered with a 98 within the visit's timeout; its RTT is the 99's
/// round trip.
/// </summary>
internal sealed class StressKiosks(StressOptions options, string thumbprint)
{
    private readonly List<StressVisit>[] visits = Enumerable.Range(0, options.Kiosks).Select(_ => new List<StressVisit>(1024)).ToArray();

    /// <summary>Runs every kiosk until the stop; returns when all have finished their last visit.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, options.Kiosks).Select(k => Task.Run(() => KioskAsync(k, stop), CancellationToken.None)));

    private async Task KioskAsync(int kiosk, CancellationToken stop)
    {
        var endpoint = new IPEndPoint(IPAddress.Loopback, options.KioskTls ? options.TlsPort : options.Port);
        var login = KioskWire.LoginFrame(BenchLogins.LoginId(kiosk), BenchLogins.SharedPassword);
        var status = KioskWire.RequestFrames("status")[0];
        var buffer = new byte[1024];
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = StressVisitOutcome.ConnectFailed;
            long rtt = 0;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.KioskTimeoutSeconds));
            try
            {
                using var socket = await KioskWire.ConnectAsync(endpoint, source: null, timeout.Token);
                outcome = StressVisitOutcome.TlsFailed;
                Stream stream = new NetworkStream(socket, ownsSocket: false);
                if (options.KioskTls)
                {
                    stream = await KioskWire.AuthenticateAsync(stream, thumbprint, resume: true, timeout.Token);
                }

                await using (stream)
                {
                    outcome = StressVisitOutcome.Closed;
                    var answer = await KioskWire.ExchangeAsync(stream, login, buffer, timeout.Token);
                    if (!KioskWire.IsLoginAccepted(answer))
                    {
                        outcome = StressVisitOutcome.LoginRefused;
                    }
                    else
                    {
                        var sent = Stopwatch.GetTimestamp();
                        var served = KioskWire.Answers(status, await KioskWire.ExchangeAsync(stream, status, buffer, timeout.Token));
                        rtt = Stopwatch.GetTimestamp() - sent;
                        outcome = served ? StressVisitOutcome.Ok : StressVisitOutcome.WrongAnswer;
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return; // the run is over: this visit is not counted
            }
            catch (OperationCanceledException)
            {
                outcome = StressVisitOutcome.TimedOut;
            }
            catch (Exception exception) when (exception is SocketException or IOException or AuthenticationException)
            {
                // The outcome says how far the visit got.
            }

            visits[kiosk].Add(new StressVisit(started, outcome, Stopwatch.GetTimestamp() - started, rtt));
            try
            {
                await Task.Delay(options.KioskPauseMs, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The kiosks' figures over the visits that started in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public StressKioskFigures Figures(long from, long to)
    {
        var inWindow = visits.SelectMany(v => v).Where(v => v.Start >= from && v.Start < to).ToList();
        var ok = inWindow.Where(v => v.Outcome == StressVisitOutcome.Ok).ToList();
        var failures = inWindow.Where(v => v.Outcome != StressVisitOutcome.Ok).GroupBy(v => v.Outcome).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{Describe(g.Key)} {g.Count()}"));
        return new StressKioskFigures(inWindow.Count, ok.Count, string.Join(", ", failures),
            Percentiles.Sorted(ok.Select(v => v.Duration)), Percentiles.Sorted(ok.Select(v => v.Rtt)));
    }

    private static string Describe(StressVisitOutcome outcome) => outcome switch
    {
        StressVisitOutcome.ConnectFailed => "connect failed",
        StressVisitOutcome.TlsFailed => "TLS failed",
        StressVisitOutcome.Closed => "closed by the server",
        StressVisitOutcome.LoginRefused => "login refused",
        StressVisitOutcome.TimedOut => "timed out",
        StressVisitOutcome.WrongAnswer => "99 not answered with a 98",
        _ => "ok",
    };

    private readonly record struct StressVisit(long Start, StressVisitOutcome Outcome, long Duration, long Rtt);
}

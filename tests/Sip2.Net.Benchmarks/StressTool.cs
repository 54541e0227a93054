using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// The hostile-network battery (issue 24), longer floods than CI runs. Each attack gets a fresh server child
/// (<see cref="StressServer"/>), so that no attack inherits another's lockouts or leftover connections: the legitimate
/// kiosks visit for the warm-up (the reference), the attack runs for its duration while they go on, then they visit
/// for the cool-down alone (are they served again?). The server is sampled every half second throughout.
/// </summary>
public static class StressTool
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(StressOptions options)
    {
        var attacks = options.Attacks.Select(name => (Name: name, Attack: StressAttacks.Find(name))).ToList();
        if (attacks.FirstOrDefault(a => a.Attack is null) is { Name: { } unknown })
        {
            Console.Error.WriteLine($"stress: unknown attack '{unknown}' ({string.Join(", ", StressAttacks.Names)})");
            return 2;
        }

        if (options.Kiosks < 1)
        {
            Console.Error.WriteLine("stress: --kiosks at least 1");
            return 2;
        }

        var logDirectory = options.LogDirectory ?? Directory.CreateTempSubdirectory("sip2-stress-").FullName;
        Directory.CreateDirectory(logDirectory);
        // The server's certificate, made here so that the clients can pin it: self-signed for localhost, no password.
        using var certificate = TestSupport.TestCertificates.CreateLocalhost();
        var pfxPath = Path.Combine(logDirectory, "stress-server.pfx");
        await File.WriteAllBytesAsync(pfxPath, certificate.Export(X509ContentType.Pfx));
        var thumbprint = certificate.GetCertHashString();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stress, {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}: {attacks.Count} attack(s) of {options.DurationSeconds:F0} s ({options.WarmupSeconds:F0} s before, {options.CooldownSeconds:F0} s after), each against a fresh server on 127.0.0.1:{options.Port} (TLS {options.TlsPort}, control {options.ControlPort})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server: MaxConnections {options.MaxConnections}, MaxConnectionsPerAddress {options.MaxConnectionsPerAddress}, IdleTimeout {options.IdleTimeoutSeconds:F0} s, other limits the library's defaults, PBKDF2 {options.HashIterations} iterations, open-file limit {(options.LimitNofile > 0 ? options.LimitNofile.ToString(CultureInfo.InvariantCulture) : "as this process's")}; output in {logDirectory}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kiosks: {options.Kiosks} on 127.0.0.1 over {(options.KioskTls ? "TLS" : "plain TCP")}, each visiting (connect, 93, 99, close) with {options.KioskPauseMs} ms between visits, {options.KioskTimeoutSeconds:F0} s timeout"));

        var results = new List<StressResult>();
        foreach (var (_, attack) in attacks)
        {
            var result = await RunAttackAsync(attack!, options, pfxPath, thumbprint, Path.Combine(logDirectory, $"server-{attack!.Name}.log"));
            results.Add(result);
            Console.WriteLine(result.Describe());
            if (options.OutPath is not null)
            {
                await File.AppendAllTextAsync(options.OutPath, result.Row() + "\n");
            }
        }

        Console.WriteLine();
        Console.WriteLine(StressResult.TableHeader);
        foreach (var result in results)
        {
            Console.WriteLine(result.TableRow());
        }

        return results.All(r => r.AliveAtEnd) ? 0 : 4;
    }

    private static async Task<StressResult> RunAttackAsync(StressAttack attack, StressOptions options, string pfxPath, string thumbprint, string logPath)
    {
        var count = (attack.Holds ? options.Connections : options.Loops) ?? attack.DefaultCount;
        await using var server = await StressServer.StartAsync(options, options.Kiosks, pfxPath, logPath);
        var samples = new List<StressSample>();
        using var stopSampling = new CancellationTokenSource();
        var sampling = SampleAsync(server, samples, stopSampling.Token);
        var kiosks = new StressKiosks(options, thumbprint);
        using var stopKiosks = new CancellationTokenSource();
        var visiting = kiosks.RunAsync(stopKiosks.Token);

        var warmupStart = Stopwatch.GetTimestamp();
        var atWarmup = await server.SampleAsync();
        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        var atStart = await server.SampleAsync();
        var counters = new StressCounters(TimeSpan.FromSeconds(options.IdleTimeoutSeconds));
        using var stopAttack = new CancellationTokenSource();
        var attackStart = Stopwatch.GetTimestamp();
        var running = attack.Run(new StressAttackContext(options, counters, thumbprint, count, stopAttack.Token));
        await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(options.DurationSeconds)));
        // The server as the attack left it, before the attack's connections are closed.
        var atEnd = await server.SampleAsync();
        var attackEnd = Stopwatch.GetTimestamp();
        await stopAttack.CancelAsync();
        await running;
        await Task.Delay(TimeSpan.FromSeconds(options.CooldownSeconds));
        var cooldownEnd = Stopwatch.GetTimestamp();
        await stopKiosks.CancelAsync();
        await visiting;
        var afterCooldown = await server.SampleAsync();
        await stopSampling.CancelAsync();
        await sampling;

        var (alive, exitCode) = server.State;
        List<StressSample> during;
        lock (samples)
        {
            during = samples.Where(s => s.At >= attackStart && s.At <= attackEnd).Append(atEnd).ToList();
        }

        return new StressResult(
            attack, count, counters,
            Before: atStart,
            MaxSockets: during.Max(s => s.Sockets),
            MaxConnections: during.Max(s => s.Connections),
            UnansweredControl: during.Count(s => s.Connections < 0),
            Samples: during.Count,
            // A server that died in the attack: its CPU up to its last readable sample.
            CpuSeconds: (during.LastOrDefault(s => !double.IsNaN(s.CpuSeconds)) ?? atStart).CpuSeconds - atStart.CpuSeconds,
            // The kiosks' own load on the server, for comparison: its CPU per second of the warm-up.
            KioskCpuPerSecond: (atStart.CpuSeconds - atWarmup.CpuSeconds) / Stopwatch.GetElapsedTime(atWarmup.At, atStart.At).TotalSeconds,
            AttackSeconds: Stopwatch.GetElapsedTime(attackStart, attackEnd).TotalSeconds,
            MaxRssMiB: during.Where(s => !double.IsNaN(s.RssMiB)).Select(s => s.RssMiB).DefaultIfEmpty(double.NaN).Max(),
            AtEnd: atEnd,
            AfterCooldown: afterCooldown,
            KioskBefore: kiosks.Figures(warmupStart, attackStart),
            KioskDuring: kiosks.Figures(attackStart, attackEnd),
            KioskAfter: kiosks.Figures(attackEnd, cooldownEnd),
            AliveAtEnd: alive,
            ExitCode: exitCode,
            Died: alive ? "" : StressServer.Tail(logPath, 3),
            IdleTimeoutSeconds: options.IdleTimeoutSeconds);
    }

    private static async Task SampleAsync(StressServer server, List<StressSample> samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var sample = await server.SampleAsync();
            lock (samples)
            {
                samples.Add(sample);
            }

            try
            {
                await Task.Delay(SampleInterval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

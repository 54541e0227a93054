using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Client;

namespace Sip2.Net.Cli;

// sip2 load: N connections against one host, bounded by time and optionally by count.
internal sealed partial class Sip2Cli
{
    private const int MaxConnections = 1000;
    private const double MaxDurationSeconds = 3600;

    private static readonly string[] LoadKinds = ["status", "patron", "patron-status", "checkout", "checkin", "renew", "item", "end-session"];

    private Command LoadCommand()
    {
        var connections = new Option<int>("--connections", "-c") { Description = $"Concurrent connections (1 to {MaxConnections})", DefaultValueFactory = _ => 4 };
        var duration = new Option<double>("--duration", "-d") { Description = $"Seconds to run (at most {MaxDurationSeconds})", DefaultValueFactory = _ => 10 };
        var count = new Option<int?>("--count", "-n") { Description = "Stop after this many requests in all (the duration still bounds the run)" };
        var mix = new Option<string>("--mix") { Description = $"Message mix as name=weight pairs; names: {string.Join(", ", LoadKinds)}", DefaultValueFactory = _ => "status=1,patron=1,checkout=1,checkin=1,item=1" };
        var patron = new Option<string>("--patron") { Description = "Patron identifier used by the requests", DefaultValueFactory = _ => "P0001" };
        var item = new Option<string>("--item") { Description = "Item identifier used by the requests", DefaultValueFactory = _ => "I0001" };
        var progress = new Option<double>("--progress") { Description = "Seconds between progress lines on stderr (0: none)", DefaultValueFactory = _ => 1 };
        var command = new Command("load", "Load test: concurrent connections sending a message mix; prints throughput, latency percentiles and errors")
        {
            connections, duration, count, mix, patron, item, progress,
        };

        command.SetAction(async (parse, ct) =>
        {
            var options = BuildOptions(parse);
            var connectionCount = parse.GetValue(connections);
            var seconds = parse.GetValue(duration);
            var limit = parse.GetValue(count);
            if (options is null || connectionCount is < 1 or > MaxConnections || seconds is <= 0 or > MaxDurationSeconds || limit is < 1
                || !TryParseMix(parse.GetValue(mix) ?? "", out var weights))
            {
                await console.Error.WriteLineAsync("sip2 load: invalid --connections, --duration, --count or --mix. Run 'sip2 load --help'.");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(loginId) is { Length: > 0 } user)
            {
                try
                {
                    LoginPassword(parse, user);
                }
                catch (ArgumentException e)
                {
                    await console.Error.WriteLineAsync($"sip2: {e.Message}");
                    return ExitCodes.Usage;
                }
            }

            var run = new LoadRun(
                connectionCount, TimeSpan.FromSeconds(seconds), limit, weights,
                parse.GetValue(patron) ?? "P0001", parse.GetValue(item) ?? "I0001");
            var progressSeconds = parse.GetValue(progress);
            var report = await run.RunAsync(
                options with { WireObserver = null },
                client => ConnectAndLoginAsync(client, parse, ct),
                progressSeconds > 0 ? TimeSpan.FromSeconds(progressSeconds) : null,
                line => console.Error.WriteLine(line),
                ct);
            report.Write(console.Out, parse.GetValue(json));
            return report.Connected > 0
                ? (report.Errors.Count > 0 ? ExitCodes.Protocol : ExitCodes.Ok)
                : report.Errors.Keys.All(e => e.EndsWith(nameof(Sip2LoginRefusedException), StringComparison.Ordinal)) && report.Errors.Count > 0
                    ? ExitCodes.LoginRefused
                    : ExitCodes.Connection;
        });
        return command;
    }

    private static bool TryParseMix(string text, out (string Kind, int Weight)[] weights)
    {
        var parsed = new List<(string, int)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2);
            var weight = 1;
            if (!LoadKinds.Contains(pair[0]) || (pair.Length == 2 && (!int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight < 0)))
            {
                weights = [];
                return false;
            }

            parsed.Add((pair[0], weight));
        }

        weights = [.. parsed];
        return weights.Sum(w => w.Weight) > 0;
    }
}

/// <summary>One load run: workers, a shared request budget, latencies and errors.</summary>
internal sealed class LoadRun((string Kind, int Weight)[] weights, string patron, string item)
{
    private readonly int connections;
    private readonly TimeSpan duration;
    private readonly int? limit;
    private long issued;
    private long completed;
    private int connected;

    public LoadRun(int connections, TimeSpan duration, int? limit, (string Kind, int Weight)[] weights, string patron, string item)
        : this(weights, patron, item)
    {
        this.connections = connections;
        this.duration = duration;
        this.limit = limit;
    }

    public async Task<LoadReport> RunAsync(
        Sip2ClientOptions options,
        Func<Sip2Client, Task> connect,
        TimeSpan? progressInterval,
        Action<string> progress,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(i => Task.Run(() => WorkAsync(i, options, connect, stop))).ToList();
        var all = Task.WhenAll(workers);
        if (progressInterval is { } interval)
        {
            using var timer = new PeriodicTimer(interval);
            while (await Task.WhenAny(all, timer.WaitForNextTickAsync(CancellationToken.None).AsTask()) != all)
            {
                var done = Interlocked.Read(ref completed);
                progress(string.Create(CultureInfo.InvariantCulture,
                    $"{clock.Elapsed.TotalSeconds,7:0.0}s {done,10} requests {done / Math.Max(clock.Elapsed.TotalSeconds, 0.001),10:0.0}/s"));
            }
        }

        var results = await all;
        clock.Stop();
        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        var errors = results.SelectMany(r => r.Errors).GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        return new LoadReport(connections, connected, clock.Elapsed, latencies, errors);
    }

    private async Task<(List<double> Latencies, List<string> Errors)> WorkAsync(int index, Sip2ClientOptions options, Func<Sip2Client, Task> connect, CancellationTokenSource stop)
    {
        var latencies = new List<double>();
        var errors = new List<string>();
        var random = new Random(index);
        var total = weights.Sum(w => w.Weight);
        await using var client = new Sip2Client(options);
        try
        {
            await connect(client);
            Interlocked.Increment(ref connected);
        }
        catch (Exception e) when (Sip2Cli.ExitCodeOf(e) is not null && !stop.IsCancellationRequested)
        {
            errors.Add($"connect: {e.GetType().Name}");
            return (latencies, errors);
        }
        catch (OperationCanceledException)
        {
            return (latencies, errors);
        }

        while (!stop.IsCancellationRequested && (limit is null || Interlocked.Increment(ref issued) <= limit))
        {
            var kind = Pick(random.Next(total), total);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await SendAsync(client, kind, stop.Token);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref completed);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break; // the run ended with this request in flight: neither a result nor an error
            }
            catch (Exception e) when (Sip2Cli.ExitCodeOf(e) is not null)
            {
                errors.Add($"{kind}: {e.GetType().Name}");
                if (!client.IsConnected)
                {
                    try
                    {
                        await connect(client);
                    }
                    catch (Exception again) when (Sip2Cli.ExitCodeOf(again) is not null)
                    {
                        errors.Add($"reconnect: {again.GetType().Name}");
                        break;
                    }
                }
            }
        }

        return (latencies, errors);
    }

    private string Pick(int roll, int total)
    {
        foreach (var (kind, weight) in weights)
        {
            if (roll < weight)
            {
                return kind;
            }

            roll -= weight;
        }

        return weights[^1].Kind;
    }

    private Task SendAsync(Sip2Client client, string kind, CancellationToken cancellationToken) => kind switch
    {
        "status" => client.ScStatusAsync(cancellationToken: cancellationToken),
        "patron" => client.PatronInformationAsync(patron, cancellationToken: cancellationToken),
        "patron-status" => client.PatronStatusAsync(patron, cancellationToken: cancellationToken),
        "checkout" => client.CheckoutAsync(patron, item, cancellationToken: cancellationToken),
        "checkin" => client.CheckinAsync(item, cancellationToken: cancellationToken),
        "renew" => client.RenewAsync(patron, item, cancellationToken: cancellationToken),
        "item" => client.ItemInformationAsync(item, cancellationToken),
        _ => client.EndSessionAsync(patron, cancellationToken: cancellationToken),
    };
}

/// <summary>What a load run measured. Latencies are in milliseconds, sorted.</summary>
internal sealed record LoadReport(int Connections, int Connected, TimeSpan Elapsed, double[] Latencies, Dictionary<string, int> Errors)
{
    public int Requests => Latencies.Length;

    public double Throughput => Requests / Math.Max(Elapsed.TotalSeconds, 0.001);

    /// <summary>Nearest-rank percentile: the smallest latency at or above which <paramref name="percent"/>% of requests fall.</summary>
    public double Percentile(double percent) =>
        Latencies.Length == 0 ? 0 : Latencies[Math.Clamp((int)Math.Ceiling(percent / 100 * Latencies.Length) - 1, 0, Latencies.Length - 1)];

    public void Write(System.IO.TextWriter output, bool asJson)
    {
        var errorCount = Errors.Values.Sum();
        if (asJson)
        {
            var errors = string.Join(",", Errors.Select(e => $"{System.Text.Json.JsonSerializer.Serialize(e.Key)}:{e.Value}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"connections\":{Connections},\"connected\":{Connected},\"requests\":{Requests},\"errors\":{errorCount},\"seconds\":{Elapsed.TotalSeconds:0.###},\"throughput\":{Throughput:0.##},\"p50\":{Percentile(50):0.###},\"p99\":{Percentile(99):0.###},\"p999\":{Percentile(99.9):0.###},\"max\":{(Latencies.Length == 0 ? 0 : Latencies[^1]):0.###},\"errorsByType\":{{{errors}}}}}"));
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"connections   {Connected}/{Connections}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests      {Requests}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"errors        {errorCount}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duration      {Elapsed.TotalSeconds:0.000} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput    {Throughput:0.0} requests/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency p50   {Percentile(50):0.000} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency p99   {Percentile(99):0.000} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency p99.9 {Percentile(99.9):0.000} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latency max   {(Latencies.Length == 0 ? 0 : Latencies[^1]):0.000} ms"));
        foreach (var (what, howMany) in Errors.OrderByDescending(e => e.Value))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {howMany,8} {what}"));
        }
    }
}

using System.Globalization;

namespace Sip2.Net.Benchmarks;

/// <summary>The report over the rows that <see cref="LoadTool.RunAsync"/> wrote: medians, paired ratios and percentiles.</summary>
public static class LoadReport
{
    /// <summary>
    /// Medians over the slices of every (label, connections) row, and each server's throughput as a ratio to the
    /// baseline's: the ratio of the medians, and the median and middle half of the paired ratios (each slice against
    /// the baseline's slice of the same cycle, which saw the same state of a shared machine).
    /// </summary>
    public static int Run(IReadOnlyList<string> paths, string baselineLabel)
    {
        static double Number(string[] f, int i) => i < f.Length ? double.Parse(f[i], CultureInfo.InvariantCulture) : double.NaN;
        // Several files are several runs: a slice is paired with the baseline's slice of the same run and cycle.
        var rows = paths.SelectMany((path, run) => File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => new
        {
            Label = f[0], Connections = int.Parse(f[1], CultureInfo.InvariantCulture), Rate = Number(f, 2),
            P50 = Number(f, 3), P99 = Number(f, 4), P999 = Number(f, 5), Errors = long.Parse(f[6], CultureInfo.InvariantCulture),
            ServerBytes = Number(f, 7), ServerCpu = Number(f, 8), ClientCpu = Number(f, 9), Cycle = (int)Number(f, 10), Run = run,
        })).ToList();
        static string Format(double value, string format) => double.IsNaN(value) ? "" : value.ToString(format, CultureInfo.InvariantCulture);

        // Each slice of `label` against the slice of `against` in the same run and cycle, at one connection count (and
        // in one run, when given).
        List<double> Paired(string label, string against, int connections, int? run = null)
        {
            var theirs = rows.Where(r => r.Label == against && r.Connections == connections).ToList();
            return rows.Where(r => r.Label == label && r.Connections == connections && (run is null || r.Run == run))
                .Select(r => theirs.FirstOrDefault(b => b.Run == r.Run && b.Cycle == r.Cycle) is { } b ? r.Rate / b.Rate : double.NaN)
                .ToList();
        }

        Console.WriteLine("Against the baseline:");
        Console.WriteLine();
        Console.WriteLine("| server | connections | slices | msg/s (median) | ratio of medians | median of paired ratios | paired ratios, middle half | p50 ms | p99 ms | p99.9 ms | server B/msg | server µs CPU/msg | load tool µs CPU/msg | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => (r.Label, r.Connections)).OrderBy(g => g.Key.Connections).ThenBy(g => g.Key.Label == baselineLabel ? 0 : 1).ThenBy(g => g.Key.Label))
        {
            var baselines = rows.Where(r => r.Label == baselineLabel && r.Connections == group.Key.Connections).ToList();
            var rate = LoadTool.Median(group.Select(r => r.Rate));
            var ratio = baselines.Count == 0 ? double.NaN : rate / LoadTool.Median(baselines.Select(r => r.Rate));
            var paired = group.Key.Label == baselineLabel ? [] : Paired(group.Key.Label, baselineLabel, group.Key.Connections);
            var middle = paired.Count == 0 ? "" : $"{Format(LoadTool.Quantile(paired, 0.25), "F2")}–{Format(LoadTool.Quantile(paired, 0.75), "F2")}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Label} | {group.Key.Connections} | {group.Count()} | {rate:F0} | {Format(ratio, "F2")} | {(paired.Count == 0 ? "1.00" : Format(LoadTool.Median(paired), "F2"))} | {middle} | {LoadTool.Median(group.Select(r => r.P50)):F2} | {LoadTool.Median(group.Select(r => r.P99)):F2} | {LoadTool.Median(group.Select(r => r.P999)):F2} | {Format(LoadTool.Median(group.Select(r => r.ServerBytes)), "F0")} | {Format(LoadTool.Median(group.Select(r => r.ServerCpu)), "F1")} | {Format(LoadTool.Median(group.Select(r => r.ClientCpu)), "F1")} | {group.Sum(r => r.Errors)} |"));
        }

        // Each host's SIP2 server against the line answerer on the same host (sip2-kestrel against baseline-kestrel):
        // the SIP2 work alone, without what the host's transport costs.
        var sameHost = rows.Select(r => r.Label).Distinct()
            .Where(l => l.StartsWith("sip2-", StringComparison.Ordinal) && rows.Any(r => r.Label == "baseline-" + l["sip2-".Length..]))
            .ToList();
        if (sameHost.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Against the line answerer on the same host:");
            Console.WriteLine();
            Console.WriteLine("| server | against | connections | ratio of medians | median of paired ratios | paired ratios, middle half |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|");
            foreach (var label in sameHost)
            {
                var line = "baseline-" + label["sip2-".Length..];
                foreach (var connections in rows.Where(r => r.Label == label).Select(r => r.Connections).Distinct().Order())
                {
                    var mine = rows.Where(r => r.Label == label && r.Connections == connections).ToList();
                    var theirs = rows.Where(r => r.Label == line && r.Connections == connections).ToList();
                    var paired = Paired(label, line, connections);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {label} | {line} | {connections} | {Format(LoadTool.Median(mine.Select(r => r.Rate)) / LoadTool.Median(theirs.Select(r => r.Rate)), "F2")} | {Format(LoadTool.Median(paired), "F2")} | {Format(LoadTool.Quantile(paired, 0.25), "F2")}–{Format(LoadTool.Quantile(paired, 0.75), "F2")} |"));
                }
            }
        }

        if (paths.Count > 1)
        {
            // A run's median moves with the state of the machine in its minutes (±0.1 between runs of the same build
            // here): each run's median of paired ratios, and their median.
            Console.WriteLine();
            Console.WriteLine($"Run by run ({paths.Count} runs), median of paired ratios:");
            Console.WriteLine();
            Console.WriteLine("| server | against | connections | each run | median over the runs |");
            Console.WriteLine("|---|---|---:|---|---:|");
            // Every server against the baseline (the line answerer behind Kestrel too), then each host's SIP2 server
            // against the line answerer on the same host.
            var comparisons = rows.Select(r => r.Label).Distinct().Where(l => l != baselineLabel)
                .Select(l => (Label: l, Against: baselineLabel))
                .Concat(sameHost.Select(l => (Label: l, Against: "baseline-" + l["sip2-".Length..])));
            foreach (var (label, against) in comparisons)
            {
                foreach (var connections in rows.Where(r => r.Label == label).Select(r => r.Connections).Distinct().Order())
                {
                    var runs = Enumerable.Range(0, paths.Count).Select(run => LoadTool.Median(Paired(label, against, connections, run))).ToList();
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {label} | {against} | {connections} | {string.Join(", ", runs.Select(r => Format(r, "F2")))} | {Format(LoadTool.Median(runs), "F2")} |"));
                }
            }
        }

        return 0;
    }
}

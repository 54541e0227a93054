using System.Globalization;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// One attack's figures: what the attack saw, the server's state (sampled every half second: the maxima are over the
/// attack's window, the CPU from its start to its end), the legitimate kiosks before, during and after, and whether
/// the server lived. Printed as a block, as a row of the summary table and as a tab-separated row.
/// </summary>
internal sealed record StressResult(
    StressAttack Attack,
    int Count,
    StressCounters Counters,
    StressSample Before,
    int MaxSockets,
    int MaxConnections,
    int UnansweredControl,
    int Samples,
    double CpuSeconds,
    double KioskCpuPerSecond,
    double AttackSeconds,
    double MaxRssMiB,
    StressSample AtEnd,
    StressSample AfterCooldown,
    StressKioskFigures KioskBefore,
    StressKioskFigures KioskDuring,
    StressKioskFigures KioskAfter,
    bool AliveAtEnd,
    int? ExitCode,
    string Died,
    double IdleTimeoutSeconds)
{
    public const string TableHeader =
        "| attack | attack connections: opened / connect failed / closed by server (held p50) / open at end | completed / refused | server sockets, max (before) | connections served, max | server CPU s (kiosks alone) | RSS max MiB (before) | kiosks during: served, RTT p50 / p99 ms | kiosks after: served | server alive |\n" +
        "|---|---|---|---:|---:|---:|---:|---|---:|---|";

    private bool AliveAfterAttack => AtEnd.Alive;

    public string Describe()
    {
        var c = Counters;
        var held = c.HeldByServer;
        var lines = new List<string>
        {
            $"== {Attack.Name}: {Attack.Describe(Count)}",
            F($"  attack: {c.Attempts} connects tried, {c.Connected} made, {c.ConnectFailed} failed; {c.ClosedByServer} closed by the server (held {Percentiles.Describe(held, 0.5)}); {c.OpenAtEnd} open at the end{(Attack.Name == "lone-lf" ? $", {c.OpenPastIdleTimeout} of them open longer than the idle timeout ({IdleTimeoutSeconds:F0} s)" : "")}"),
        };
        if (Attack.CompletedMeans != "-")
        {
            lines.Add(F($"          {Attack.CompletedMeans} {c.Completed}, {Attack.RefusedMeans} {c.Refused}"));
        }

        lines.Add(F($"  server: sockets {Before.Sockets} before, at most {MaxSockets} during, {AtEnd.Sockets} at the end, {AfterCooldown.Sockets} after the cool-down; connections served at most {Served(MaxConnections)} (control port unanswered in {UnansweredControl} of {Samples} samples); CPU {CpuSeconds:F1} s in the attack's {AttackSeconds:F1} s (the kiosks alone: {KioskCpuPerSecond * AttackSeconds:F1} s for as long, from the warm-up); RSS {Before.RssMiB:F0} MiB before, at most {MaxRssMiB:F0} MiB"));
        lines.Add(F($"  server alive: {(AliveAfterAttack ? "yes" : "no")} at the attack's end, {(AliveAtEnd ? "yes" : "no")} after the cool-down"));
        if (!AliveAtEnd)
        {
            lines.Add(F($"  server exit code {ExitCode}; its last output: {Died}"));
        }
        lines.Add($"  kiosks before: {KioskBefore.Describe()}");
        lines.Add($"  kiosks during: {KioskDuring.Describe()}");
        lines.Add($"  kiosks after:  {KioskAfter.Describe()}");
        return string.Join('\n', lines);
    }

    public string TableRow()
    {
        var c = Counters;
        var completed = Attack.CompletedMeans == "-" ? "" : F($"{Attack.CompletedMeans} {c.Completed} / {Attack.RefusedMeans} {c.Refused}");
        return F($"| {Attack.Name} | {c.Connected} / {c.ConnectFailed} / {c.ClosedByServer} ({Percentiles.Format(Percentiles.At(c.HeldByServer, 0.5))} ms) / {c.OpenAtEnd} | {completed} | {MaxSockets} ({Before.Sockets}) | {Served(MaxConnections)} | {CpuSeconds:F1} ({KioskCpuPerSecond * AttackSeconds:F1}) | {MaxRssMiB:F0} ({Before.RssMiB:F0}) | {Percent(KioskDuring)}, {Percentiles.Format(Percentiles.At(KioskDuring.Rtts, 0.5))} / {Percentiles.Format(Percentiles.At(KioskDuring.Rtts, 0.99))} | {Percent(KioskAfter)} | {(AliveAtEnd ? "yes" : F($"no ({ExitCode})"))} |");
    }

    public string Row()
    {
        var c = Counters;
        return string.Join('\t', new object[]
        {
            Attack.Name, Count, c.Attempts, c.Connected, c.ConnectFailed, c.ClosedByServer, Percentiles.Format(Percentiles.At(c.HeldByServer, 0.5)), c.OpenAtEnd,
            c.OpenPastIdleTimeout, c.Completed, c.Refused, Before.Sockets, MaxSockets, MaxConnections, UnansweredControl, F($"{CpuSeconds:F2}"), F($"{KioskCpuPerSecond * AttackSeconds:F2}"), F($"{Before.RssMiB:F0}"),
            F($"{MaxRssMiB:F0}"), F($"{KioskBefore.SuccessPercent:F1}"), F($"{KioskDuring.SuccessPercent:F1}"), Percentiles.Format(Percentiles.At(KioskDuring.Rtts, 0.5)),
            Percentiles.Format(Percentiles.At(KioskDuring.Rtts, 0.99)), F($"{KioskAfter.SuccessPercent:F1}"), AliveAtEnd ? "alive" : F($"dead:{ExitCode}"),
        }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
    }

    private static string Served(int connections) => connections < 0 ? "unanswered" : connections.ToString(CultureInfo.InvariantCulture);

    private static string Percent(StressKioskFigures figures) => F($"{figures.SuccessPercent:F0} % of {figures.Visits}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

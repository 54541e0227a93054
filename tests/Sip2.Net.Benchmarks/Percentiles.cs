using System.Diagnostics;
using System.Globalization;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// Percentiles of latencies in <see cref="Stopwatch"/> ticks, by nearest rank (the smallest value with at least
/// q of the values at or below it), as the load tool's slices take them; shown in milliseconds.
/// </summary>
internal static class Percentiles
{
    /// <summary>Ticks as milliseconds.</summary>
    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>The <paramref name="q"/> percentile of <paramref name="sorted"/> in milliseconds; NaN when there are none.</summary>
    public static double At(long[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : Ms(sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)]);

    /// <summary>The largest in milliseconds; NaN when there are none.</summary>
    public static double Max(long[] sorted) => sorted.Length == 0 ? double.NaN : Ms(sorted[^1]);

    /// <summary>The values, sorted.</summary>
    public static long[] Sorted(IEnumerable<long> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>"p50 1.23 p99 4.56 max 7.89 ms" for the given percentiles.</summary>
    public static string Describe(long[] sorted, params double[] qs) =>
        sorted.Length == 0
            ? "none"
            : string.Join(' ', qs.Select(q => $"{Label(q)} {Format(At(sorted, q))}")) + $" max {Format(Max(sorted))} ms";

    /// <summary>The tab-separated values of the given percentiles and the maximum, for a row of a results file.</summary>
    public static string Columns(long[] sorted, params double[] qs) =>
        string.Join('\t', qs.Select(q => Format(At(sorted, q))).Append(Format(Max(sorted))));

    /// <summary>A millisecond figure with three significant decimals for small ones, fewer for large ones.</summary>
    public static string Format(double ms) =>
        double.IsNaN(ms) ? "-" : ms.ToString(ms < 10 ? "F2" : ms < 1000 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Label(double q) => q switch
    {
        0.5 => "p50",
        0.999 => "p99.9",
        _ => "p" + (q * 100).ToString("0.#", CultureInfo.InvariantCulture),
    };
}

using System.Globalization;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// The legitimate kiosks' figures over one window: visits started and served, the failures by kind, and the served
/// visits' durations and 99 round trips (Stopwatch ticks, sorted).
/// </summary>
internal sealed record StressKioskFigures(int Visits, int Served, string Failures, long[] Durations, long[] Rtts)
{
    /// <summary>Served visits as a percentage of those started; NaN for none.</summary>
    public double SuccessPercent => Visits == 0 ? double.NaN : 100.0 * Served / Visits;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Served}/{Visits} visits served ({SuccessPercent:F1} %){(Failures.Length > 0 ? $", failed: {Failures}" : "")}; visit {Percentiles.Describe(Durations, 0.5, 0.99)}; rtt {Percentiles.Describe(Rtts, 0.5, 0.99)}");
}

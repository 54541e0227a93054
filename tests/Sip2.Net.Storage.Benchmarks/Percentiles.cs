using System.Diagnostics;

namespace Sip2.Net.Storage.Benchmarks;

/// <summary>Timings in microseconds, summarised as median, p99 and mean.</summary>
internal sealed class Percentiles(string name)
{
    private readonly List<double> samples = [];

    /// <summary>One sample: from <paramref name="start"/> to <paramref name="end"/> (Stopwatch timestamps; now when omitted).</summary>
    public void Add(long start, long? end = null) => samples.Add(Stopwatch.GetElapsedTime(start, end ?? Stopwatch.GetTimestamp()).TotalMicroseconds);

    public override string ToString()
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return $"{name,-44} n={sorted.Length,6}  median {Format(At(0.5)),10}  p99 {Format(At(0.99)),10}  mean {Format(sorted.Average()),10}";
    }

    private static string Format(double microseconds) =>
        microseconds >= 1000 ? $"{microseconds / 1000:F2} ms" : $"{microseconds:F2} µs";
}

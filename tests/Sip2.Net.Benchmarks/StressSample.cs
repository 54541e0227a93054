namespace Sip2.Net.Benchmarks;

/// <summary>
/// One look at the stress server (<see cref="StressServer.SampleAsync"/>): when (Stopwatch timestamp), whether the
/// process was still running, the connections its handler serves (-1: the control port did not answer), the
/// sockets among its open descriptors, its resident set in MiB and its CPU time so far in seconds (NaN when its
/// /proc entry could not be read: it had exited).
/// </summary>
internal sealed record StressSample(long At, bool Alive, int Connections, int Sockets, double RssMiB, double CpuSeconds);

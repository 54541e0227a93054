namespace Sip2.Net.Benchmarks;

/// <summary>
/// One look at the stress server (<see cref="StressServer.SampleAsync"/>): when (Stopwatch timestamp), whether its
/// /proc entry could be read, the connections its handler serves (-1: the control port did not answer), the
/// sockets among its open descriptors, its resident set in MiB and its CPU time so far in seconds.
/// </summary>
internal sealed record StressSample(long At, bool Readable, int Connections, int Sockets, double RssMiB, double CpuSeconds);

using System.Net;

namespace Sip2.Net.Benchmarks;

/// <summary>What an attack runs with: the options, its counters, the certificate to pin, its size, and its stop.</summary>
internal sealed record StressAttackContext(StressOptions Options, StressCounters Counters, string Thumbprint, int Count, CancellationToken Stop)
{
    /// <summary>The server's plain endpoint.</summary>
    public IPEndPoint Plain => new(IPAddress.Loopback, Options.Port);

    /// <summary>The server's TLS endpoint.</summary>
    public IPEndPoint Tls => new(IPAddress.Loopback, Options.TlsPort);
}

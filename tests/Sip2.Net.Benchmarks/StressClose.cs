namespace Sip2.Net.Benchmarks;

/// <summary>How an attack connection ended (<see cref="StressCounters.Closed"/>).</summary>
internal enum StressClose
{
    /// <summary>The server closed or reset it.</summary>
    ByServer,

    /// <summary>The attack closed it, as the attack goes (a connect/close flood, a finished line).</summary>
    ByAttack,

    /// <summary>It was still open when the attack's time was up.</summary>
    AtEnd,
}

namespace Sip2.Net.Benchmarks;

/// <summary>How a legitimate kiosk's visit ended (<see cref="StressKiosks"/>): how far it got, or that it was served.</summary>
internal enum StressVisitOutcome
{
    /// <summary>Served: login accepted, 99 answered.</summary>
    Ok,

    /// <summary>The TCP connect failed (a reset, or no room in the backlog).</summary>
    ConnectFailed,

    /// <summary>Connected, but the TLS handshake failed.</summary>
    TlsFailed,

    /// <summary>The server closed the connection before the visit was done.</summary>
    Closed,

    /// <summary>The login was answered 940 (refused or throttled).</summary>
    LoginRefused,

    /// <summary>The visit took longer than the kiosk's timeout.</summary>
    TimedOut,

    /// <summary>The 99 was answered, but not with a 98.</summary>
    WrongAnswer,
}

using Sip2.Net.Access;

namespace Sip2.Net.Benchmarks;

/// <summary>
/// What the bench SIP2 server (<c>server</c>) registers and how it is limited: the options of that command. The
/// defaults are those of the load runs; <c>stress</c> starts the server with its own (see <see cref="StressServer"/>).
/// </summary>
public sealed record BenchServerSettings
{
    /// <summary>
    /// Registrations on 127.0.0.1, each with its own login id (<see cref="BenchLogins.LoginId"/>). The default covers
    /// the storm the issue asks for (100 in-session kiosks and 1,000 storm logins) and the 1,024 load connections.
    /// </summary>
    public int Logins { get; init; } = BenchLogins.DefaultCount;

    /// <summary>PBKDF2 iterations of the password hashes: production's count unless an experiment lowers it.</summary>
    public int HashIterations { get; init; } = Sip2PasswordHash.DefaultIterations;

    /// <summary>
    /// Whether every registration gets a password of its own (<see cref="BenchLogins.Password"/>), each hashed at
    /// start (slow: one hash per registration, on every core). Off, one password is hashed once and its stored form
    /// given to every registration.
    /// </summary>
    public bool DistinctPasswords { get; init; }

    /// <summary>Further registered addresses, 127.0.0.2 onwards, one registration each (<see cref="BenchLogins.ExtraAddress"/>).</summary>
    public int ExtraAddresses { get; init; }

    /// <summary>A second, TLS endpoint on this port (0: none); standalone host mode only.</summary>
    public int TlsPort { get; init; }

    /// <summary>The TLS endpoint's certificate, a PKCS#12 file without password; null makes a self-signed one at start.</summary>
    public string? TlsPfxPath { get; init; }

    /// <summary>The server's <c>IdleTimeout</c> in seconds; 0 keeps the library's default (10 minutes).</summary>
    public double IdleTimeoutSeconds { get; init; }

    /// <summary>The server's <c>MaxConnections</c>: the load's default leaves room for the idle test's 10,000.</summary>
    public int MaxConnections { get; init; } = 20_000;

    /// <summary>
    /// The registry store (standalone host mode): <c>inmemory</c> (the default), <c>sqlite</c> (a new file in a
    /// temporary directory) or <c>postgresql</c> (<see cref="RegistryConnection"/>, a schema of its own).
    /// </summary>
    public string Registry { get; init; } = "inmemory";

    /// <summary>For <c>postgresql</c>, the Npgsql connection string; the registry goes into a new schema there.</summary>
    public string? RegistryConnection { get; init; }

    /// <summary>The server's <c>MaxConnectionsPerAddress</c>: every load connection comes from 127.0.0.1.</summary>
    public int MaxConnectionsPerAddress { get; init; } = 20_000;
}

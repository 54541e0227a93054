using Sip2.Net.Access;

namespace Sip2.Net.Benchmarks;

/// <summary>The options of <c>stress</c> (<see cref="StressTool"/>); README.md says what each does.</summary>
public sealed record StressOptions
{
    /// <summary>The attacks to run, in order (<see cref="StressAttacks.Names"/>).</summary>
    public IReadOnlyList<string> Attacks { get; init; } = StressAttacks.Names;

    /// <summary>Seconds each attack runs.</summary>
    public double DurationSeconds { get; init; } = 20;

    /// <summary>Seconds of kiosk visits on the fresh server before each attack: the JIT's first tiers, and the reference.</summary>
    public double WarmupSeconds { get; init; } = 3;

    /// <summary>Seconds of kiosk visits after each attack stopped: whether the kiosks are served again.</summary>
    public double CooldownSeconds { get; init; } = 5;

    /// <summary>The server child's open-file limit (soft and hard); 0 leaves this process's.</summary>
    public int LimitNofile { get; init; }

    /// <summary>The server's plain port; its TLS port is the next one, its control port this + 100.</summary>
    public int Port { get; init; } = 16011;

    /// <summary>Legitimate kiosks on 127.0.0.1, each visiting in a loop as its own registration.</summary>
    public int Kiosks { get; init; } = 4;

    /// <summary>Whether the kiosks visit over TLS (a full handshake each visit unless the server resumes) instead of plain TCP.</summary>
    public bool KioskTls { get; init; }

    /// <summary>Milliseconds a kiosk waits between two visits.</summary>
    public int KioskPauseMs { get; init; } = 100;

    /// <summary>Seconds a kiosk's visit may take before it counts as failed.</summary>
    public double KioskTimeoutSeconds { get; init; } = 5;

    /// <summary>Connections the holding attacks keep open, instead of each attack's own default.</summary>
    public int? Connections { get; init; }

    /// <summary>Parallel loops of the looping attacks, instead of each attack's own default.</summary>
    public int? Loops { get; init; }

    /// <summary>The server's <c>MaxConnections</c>: the battery's caps are those of the run that found issue 24.</summary>
    public int MaxConnections { get; init; } = 300;

    /// <summary>The server's <c>MaxConnectionsPerAddress</c>.</summary>
    public int MaxConnectionsPerAddress { get; init; } = 50;

    /// <summary>The server's <c>IdleTimeout</c> in seconds: short, so that the lone-LF attack can outlast it.</summary>
    public double IdleTimeoutSeconds { get; init; } = 10;

    /// <summary>The server's PBKDF2 iterations: production's count.</summary>
    public int HashIterations { get; init; } = Sip2PasswordHash.DefaultIterations;

    /// <summary>A file to append one tab-separated row per attack to; null for none.</summary>
    public string? OutPath { get; init; }

    /// <summary>Where the server child's output and certificate go; null: a new temporary directory.</summary>
    public string? LogDirectory { get; init; }

    /// <summary>The server's TLS port.</summary>
    public int TlsPort => Port + 1;

    /// <summary>The server's control port.</summary>
    public int ControlPort => Port + 100;
}

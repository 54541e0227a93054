using Sip2.Net.Access;

namespace Sip2.Net.Benchmarks;

/// <summary>The options of <c>storm</c> (<see cref="StormTool"/>); README.md says what each does.</summary>
public sealed record StormOptions
{
    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; init; } = 6001;

    /// <summary>The server's control port (0: no server CPU figure).</summary>
    public int ControlPort { get; init; }

    /// <summary>The label of the results.</summary>
    public string Label { get; init; } = "sip2";

    /// <summary>In-session kiosks, connected and logged in before the storm, registrations <see cref="KioskOffset"/> onwards.</summary>
    public int Kiosks { get; init; } = 100;

    /// <summary>The first registration of the in-session kiosks.</summary>
    public int KioskOffset { get; init; }

    /// <summary>Milliseconds between two requests of one in-session kiosk (its fixed rate).</summary>
    public double IntervalMs { get; init; } = 100;

    /// <summary>The in-session kiosks' mix (<see cref="KioskWire.RequestFrames"/>).</summary>
    public string Mix { get; init; } = "session";

    /// <summary>Storm logins, each a registration of its own, all started at once.</summary>
    public int Storm { get; init; } = 1_000;

    /// <summary>The storm's first registration; null: just after the in-session kiosks'.</summary>
    public int? StormOffset { get; init; }

    /// <summary>Seconds of in-session traffic measured before the storm, as the reference.</summary>
    public double BeforeSeconds { get; init; } = 3;

    /// <summary>Seconds of in-session traffic measured after the storm's last login was answered.</summary>
    public double AfterSeconds { get; init; } = 3;

    /// <summary>Seconds a storm login may take before it counts as failed (a timeout), and so the longest a storm can run.</summary>
    public double TimeoutSeconds { get; init; } = 300;

    /// <summary>The server's PBKDF2 iteration count, for the tool's estimate of one hash's cost and the goal's bound.</summary>
    public int HashIterations { get; init; } = Sip2PasswordHash.DefaultIterations;

    /// <summary>The server's registrations.</summary>
    public BenchCredentials Credentials { get; init; } = BenchCredentials.Default;

    /// <summary>A file to append one tab-separated row of results to; null for none.</summary>
    public string? OutPath { get; init; }

    /// <summary>The storm's first registration, resolved.</summary>
    public int FirstStormRegistration => StormOffset ?? (KioskOffset + Kiosks);
}

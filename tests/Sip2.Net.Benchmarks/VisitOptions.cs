namespace Sip2.Net.Benchmarks;

/// <summary>The options of <c>visit</c> (<see cref="VisitTool"/>); README.md says what each does.</summary>
public sealed record VisitOptions
{
    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; init; } = 6001;

    /// <summary>The server's control port (0: no server figures).</summary>
    public int ControlPort { get; init; }

    /// <summary>The label of the results; one starting with <c>baseline</c> is the line answerer (<see cref="LoadTarget.IsLineAnswerer"/>).</summary>
    public string Label { get; init; } = "sip2";

    /// <summary>Concurrent clients, each doing one visit after another.</summary>
    public int Clients { get; init; } = 8;

    /// <summary>Seconds of visits before the measured window, not measured.</summary>
    public double WarmupSeconds { get; init; } = 2;

    /// <summary>The measured window in seconds.</summary>
    public double DurationSeconds { get; init; } = 10;

    /// <summary>Requests per visit after the login.</summary>
    public int Requests { get; init; } = 1;

    /// <summary>The requests' mix (<see cref="KioskWire.RequestFrames"/>).</summary>
    public string Mix { get; init; } = "status";

    /// <summary>
    /// Which registration each visit logs in as: <c>one</c> (all visits the same: a warm credential), <c>per-client</c>
    /// (client i always registration i) or <c>rotate</c> (each visit the next one: first logins until the rotation wraps).
    /// </summary>
    public string Credential { get; init; } = "one";

    /// <summary>The first registration used, so that a rotation can skip those earlier runs on the same server used.</summary>
    public int LoginOffset { get; init; }

    /// <summary>The server's registrations.</summary>
    public BenchCredentials Credentials { get; init; } = BenchCredentials.Default;

    /// <summary>Seconds a visit may take before it counts as failed (a timeout).</summary>
    public double TimeoutSeconds { get; init; } = 30;

    /// <summary>A file to append one tab-separated row of results to; null for none.</summary>
    public string? OutPath { get; init; }
}

namespace Sip2.Net.DependencyInjection.Internal;

/// <summary>
/// Where the host is in the server's life, for the health checks: whether the start tasks (the registry store's load
/// first) have run, and whether connections are being accepted. Set by the hosted services, standalone or Kestrel.
/// </summary>
internal sealed class Sip2ServerState
{
    private volatile bool started;
    private volatile bool listening;

    /// <summary>The registry store was initialised and every start task ran.</summary>
    public bool Started { get => started; set => started = value; }

    /// <summary>Connections are accepted (false before the start and from the moment the stop begins).</summary>
    public bool Listening { get => listening; set => listening = value; }
}

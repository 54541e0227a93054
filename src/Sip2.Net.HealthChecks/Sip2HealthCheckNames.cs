namespace Sip2.Net.HealthChecks;

/// <summary>The names the SIP2 health checks are registered under, unless told others.</summary>
public static class Sip2HealthCheckNames
{
    /// <summary>The listener check: the server accepts connections.</summary>
    public const string Listener = "sip2-listener";

    /// <summary>The back-end check: the library system answers its <see cref="ISip2BackendProbe"/>.</summary>
    public const string Backend = "sip2-backend";

    /// <summary>The registry store check: the store was loaded and its database is reachable.</summary>
    public const string RegistryStore = "sip2-registry-store";
}

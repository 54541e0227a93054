using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sip2.Net.Access;
using Sip2.Net.DependencyInjection.Internal;
using Sip2.Net.HealthChecks;
using Sip2.Net.HealthChecks.Internal;
using Sip2.Net.Server;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the SIP2 server's health checks to <c>services.AddHealthChecks()</c>; the server is registered with <c>AddSip2Server</c>.</summary>
public static class Sip2HealthChecksBuilderExtensions
{
    /// <summary>Adds the listener, back-end and registry store checks under their default names (<see cref="Sip2HealthCheckNames"/>).</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="tags">Tags for all three, to filter them on an endpoint (e.g. <c>"ready"</c>).</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHealthChecksBuilder AddSip2HealthChecks(this IHealthChecksBuilder builder, IEnumerable<string>? tags = null) =>
        builder.AddSip2Listener(tags: tags).AddSip2Backend(tags: tags).AddSip2RegistryStore(tags: tags);

    /// <summary>
    /// Adds the listener check: Healthy while connections are accepted, Degraded at
    /// <see cref="Sip2ServerOptions.MaxConnections"/>, <paramref name="failureStatus"/> before the start and once the stop begins.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status when not listening; null for Unhealthy.</param>
    /// <param name="tags">The check's tags.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHealthChecksBuilder AddSip2Listener(this IHealthChecksBuilder builder, string name = Sip2HealthCheckNames.Listener, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null) =>
        Add(builder, name, sp => new ListenerHealthCheck(
            sp.GetRequiredService<Sip2ServerState>(), sp.GetRequiredService<Sip2ConnectionHandler>(), sp.GetRequiredService<Sip2ServerOptions>()), failureStatus, tags);

    /// <summary>
    /// Adds the back-end check: the result of the registered <see cref="ISip2BackendProbe"/>, or of the back end when it
    /// implements the probe itself; Healthy, saying nothing was probed, without one; <paramref name="failureStatus"/>
    /// when the probe throws.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status when the probe throws; null for Unhealthy.</param>
    /// <param name="tags">The check's tags.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHealthChecksBuilder AddSip2Backend(this IHealthChecksBuilder builder, string name = Sip2HealthCheckNames.Backend, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null) =>
        Add(builder, name, sp => new BackendHealthCheck(sp.GetService<ISip2BackendProbe>() ?? sp.GetService<ISip2Backend>() as ISip2BackendProbe), failureStatus, tags);

    /// <summary>
    /// Adds the registry store check: Healthy when loaded and reachable, Degraded when its database is unreachable and
    /// the last snapshot is served, <paramref name="failureStatus"/> while it was never loaded.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status while the store is not loaded; null for Unhealthy.</param>
    /// <param name="tags">The check's tags.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHealthChecksBuilder AddSip2RegistryStore(this IHealthChecksBuilder builder, string name = Sip2HealthCheckNames.RegistryStore, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null) =>
        Add(builder, name, sp => new RegistryStoreHealthCheck(sp.GetRequiredService<Sip2ServerState>(), sp.GetRequiredService<ISip2RegistryStore>()), failureStatus, tags);

    private static IHealthChecksBuilder Add(IHealthChecksBuilder builder, string name, System.Func<System.IServiceProvider, IHealthCheck> factory, HealthStatus? failureStatus, IEnumerable<string>? tags)
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        System.ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(name, factory, failureStatus, tags));
    }
}

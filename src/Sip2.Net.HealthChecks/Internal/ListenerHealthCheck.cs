using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sip2.Net.DependencyInjection.Internal;
using Sip2.Net.Server;

namespace Sip2.Net.HealthChecks.Internal;

/// <summary>
/// Healthy while connections are accepted; Degraded at the connection limit (new kiosks are turned away); the
/// failure status before the start and from the moment the stop begins.
/// </summary>
internal sealed class ListenerHealthCheck(Sip2ServerState state, Sip2ConnectionHandler handler, Sip2ServerOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connections = handler.ConnectionCount;
        var data = new Dictionary<string, object> { ["connections"] = connections, ["maxConnections"] = options.MaxConnections };
        var result = !state.Listening
            ? new HealthCheckResult(context.Registration.FailureStatus, "The SIP2 server is not listening: it has not started, or it is stopping.", data: data)
            : connections >= options.MaxConnections
                ? HealthCheckResult.Degraded($"The SIP2 server is at its connection limit ({options.MaxConnections}): new connections are closed.", data: data)
                : HealthCheckResult.Healthy($"The SIP2 server is listening ({connections} connections).", data);
        return Task.FromResult(result);
    }
}

using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sip2.Net.HealthChecks;

/// <summary>
/// Tells the back-end health check whether the library system answers: implement it on your back end (the
/// <see cref="Sip2.Net.Server.ISip2Backend"/> itself) or register one on its own as a singleton. Without a probe, the
/// check reports Healthy and says that nothing was probed.
/// </summary>
public interface ISip2BackendProbe
{
    /// <summary>
    /// Asks the library system something cheap (a ping, a status call). Return Healthy, Degraded (slow, read-only) or
    /// Unhealthy; an exception counts as the check's failure status. Put no secret in the description or data:
    /// health endpoints are often served without authentication.
    /// </summary>
    /// <param name="cancellationToken">Cancelled when the check times out or the request is aborted.</param>
    ValueTask<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken);
}

using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sip2.Net.Access;
using Sip2.Net.DependencyInjection.Internal;

namespace Sip2.Net.HealthChecks.Internal;

/// <summary>
/// Healthy when the store was loaded and is reachable; Degraded when its database cannot be reached but connections
/// are still admitted from the last snapshot; the failure status while it was never loaded (the start tasks have not run).
/// </summary>
internal sealed class RegistryStoreHealthCheck(Sip2ServerState state, ISip2RegistryStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.Started)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "The registry store is not loaded: the SIP2 server has not started."));
        }

        var status = store.GetStatus();
        var data = new Dictionary<string, object>
        {
            ["durable"] = store.IsDurable,
            ["synchronizedAt"] = status.SynchronizedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        // Problem never carries a connection string or a password (ISip2RegistryStore's contract).
        return Task.FromResult(status.IsReachable
            ? HealthCheckResult.Healthy("The registry store is reachable.", data)
            : HealthCheckResult.Degraded(
                $"The registry store cannot be reached ({status.Problem}): connections are admitted from the snapshot of {status.SynchronizedAt.ToString("O", CultureInfo.InvariantCulture)} and changes are refused.",
                data: data));
    }
}

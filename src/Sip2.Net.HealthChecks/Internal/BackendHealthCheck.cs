using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sip2.Net.HealthChecks.Internal;

/// <summary>Runs the back end's probe (a registered one, or the back end itself); without one, Healthy with nothing probed.</summary>
internal sealed class BackendHealthCheck(ISip2BackendProbe? probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (probe is null)
        {
            return HealthCheckResult.Healthy("No back-end probe is registered (ISip2BackendProbe): the library system was not asked.");
        }

        try
        {
            return await probe.ProbeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type only: an exception's message may carry a host name or a credential of the library system.
            return new HealthCheckResult(context.Registration.FailureStatus, $"The back-end probe failed ({e.GetType().Name}).", e);
        }
    }
}

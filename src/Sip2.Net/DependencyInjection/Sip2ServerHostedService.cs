using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Sip2.Net.DependencyInjection.Internal;
using Sip2.Net.Server;

namespace Sip2.Net.DependencyInjection;

/// <summary>
/// Runs the standalone <see cref="Sip2Server"/> inside a generic host: the registry store is initialised (schema,
/// snapshot) and the start tasks run before the listener opens, so the first connection is admitted from a loaded
/// store; stopped gracefully with the host.
/// </summary>
internal sealed class Sip2ServerHostedService(Sip2Server server, Sip2StartTasks startTasks, Sip2ServerState state) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await startTasks.RunAsync(cancellationToken).ConfigureAwait(false);
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        state.Listening = true;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        state.Listening = false;
        return server.StopAsync(cancellationToken);
    }
}

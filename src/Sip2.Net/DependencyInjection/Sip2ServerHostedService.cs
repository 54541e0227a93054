using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Sip2.Net.Access;
using Sip2.Net.Server;

namespace Sip2.Net.DependencyInjection;

/// <summary>
/// Runs the standalone <see cref="Sip2Server"/> inside a generic host: the registry store is initialised (schema,
/// snapshot) before the listener opens, so the first connection is admitted from a loaded store; stopped gracefully
/// with the host.
/// </summary>
internal sealed class Sip2ServerHostedService(Sip2Server server, ISip2RegistryStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);
}

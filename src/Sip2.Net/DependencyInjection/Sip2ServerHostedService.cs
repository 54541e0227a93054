using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Sip2.Net.Server;

namespace Sip2.Net.DependencyInjection;

/// <summary>Runs the standalone <see cref="Sip2Server"/> inside a generic host: started with the host, stopped gracefully with it.</summary>
internal sealed class Sip2ServerHostedService(Sip2Server server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => server.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);
}

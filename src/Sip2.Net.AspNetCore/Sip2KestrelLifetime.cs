using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Sip2.Net.DependencyInjection.Internal;
using Sip2.Net.Server;

namespace Sip2.Net.AspNetCore;

/// <summary>Stops the SIP2 engine gracefully when the host stops, in place of the standalone listener's hosted service.</summary>
/// <remarks>
/// The stop runs in <see cref="StoppingAsync"/>, before any hosted service's <c>StopAsync</c>, so before Kestrel
/// waits for its connections to end. Kiosks keep their sessions open, so without this Kestrel would wait out
/// the host's whole shutdown timeout and then abort every session, requests in flight included. Once stopped,
/// the engine closes idle sessions at once, lets requests in flight finish, and closes new connections.
/// </remarks>
internal sealed class Sip2KestrelLifetime(Sip2ConnectionHandler handler, Sip2StartTasks startTasks, Sip2ServerState state) : IHostedLifecycleService
{
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.Listening = false;
        return handler.StopAsync(cancellationToken);
    }

    // Before Kestrel listens (hosted services start after every StartingAsync): the registry store is loaded and the
    // start tasks have run before the first connection, as with the standalone listener.
    public Task StartingAsync(CancellationToken cancellationToken) => startTasks.RunAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Every hosted service, Kestrel's included, has started: its SIP2 endpoints accept connections.
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        state.Listening = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

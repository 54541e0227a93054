using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Sip2.Net.Access;
using Sip2.Net.Server;

namespace Sip2.Net.AspNetCore;

/// <summary>Stops the SIP2 engine gracefully when the host stops, in place of the standalone listener's hosted service.</summary>
/// <remarks>
/// The stop runs in <see cref="StoppingAsync"/>, before any hosted service's <c>StopAsync</c>, so before Kestrel
/// waits for its connections to end. Kiosks keep their sessions open, so without this Kestrel would wait out
/// the host's whole shutdown timeout and then abort every session, requests in flight included. Once stopped,
/// the engine closes idle sessions at once, lets requests in flight finish, and closes new connections.
/// </remarks>
internal sealed class Sip2KestrelLifetime(Sip2ConnectionHandler handler, ISip2RegistryStore store) : IHostedLifecycleService
{
    public Task StoppingAsync(CancellationToken cancellationToken) => handler.StopAsync(cancellationToken);

    // Before Kestrel listens (hosted services start after every StartingAsync): the first connection is admitted from a loaded store.
    public Task StartingAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken).AsTask();

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.DependencyInjection;

/// <summary>
/// Work the server's host does before the listener opens, after the registry store is initialised: load a cache,
/// warm up the back end, check a dependency. Register with <see cref="Sip2ServerBuilder.AddStartTask{TTask}"/> (or
/// <see cref="Sip2ServerBuilder.OnStarting"/> for a delegate); tasks run one after another in registration order. A task
/// that throws stops the start: the host's start fails with an <see cref="System.InvalidOperationException"/> naming the
/// task, and no connection is ever accepted.
/// </summary>
public interface ISip2StartTask
{
    /// <summary>Runs the task once, before the listener opens.</summary>
    /// <param name="cancellationToken">Cancelled when the host's start is abandoned.</param>
    Task RunAsync(CancellationToken cancellationToken);
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.DependencyInjection.Internal;

/// <summary>A start hook given as a delegate (<see cref="Sip2ServerBuilder.OnStarting"/>).</summary>
internal sealed class DelegateStartTask(IServiceProvider services, Func<IServiceProvider, CancellationToken, Task> run, int number) : ISip2StartTask
{
    public Task RunAsync(CancellationToken cancellationToken) => run(services, cancellationToken);

    // The failure message names the hook by its place, as a lambda has no useful name of its own.
    public override string ToString() => $"OnStarting hook #{number}";
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Access;

namespace Sip2.Net.DependencyInjection.Internal;

/// <summary>
/// What either host (the standalone listener's hosted service, or Kestrel's lifetime service) runs before it accepts
/// connections: the registry store's initialisation (schema, snapshot: the SQLite and PostgreSQL stores open their
/// database here), then every <see cref="ISip2StartTask"/> in registration order.
/// </summary>
internal sealed class Sip2StartTasks(ISip2RegistryStore store, IEnumerable<ISip2StartTask> tasks, Sip2ServerState state)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store's messages never carry a connection string or a password.
            throw new InvalidOperationException($"The SIP2 server did not start: the registry store ({store.GetType().Name}) could not be initialised: {e.Message}", e);
        }

        foreach (var task in tasks)
        {
            try
            {
                await task.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"The SIP2 server did not start: the start task {Describe(task)} failed: {e.Message}", e);
            }
        }

        state.Started = true;
    }

    private static string Describe(ISip2StartTask task) => task is DelegateStartTask ? task.ToString()! : task.GetType().FullName!;
}

using System;
using System.Threading;
using Microsoft.Extensions.Logging;
using Sip2.Net.Access;

namespace Sip2.Net.Storage.Internal;

/// <summary>
/// Whether the database is reachable and when the snapshot was last known to be up to date. Each change of
/// reachability is logged once (2050 down, 2051 back), however many writes or reconnect attempts fail meanwhile.
/// </summary>
internal sealed class StoreHealth(string database, TimeProvider time, ILogger logger)
{
    private readonly object gate = new();
    private bool reachable = true;
    private string? problem;
    private DateTimeOffset synchronizedAt = time.GetUtcNow();

    public Sip2RegistryStoreStatus Status
    {
        get
        {
            lock (gate)
            {
                return new Sip2RegistryStoreStatus { IsReachable = reachable, SynchronizedAt = synchronizedAt, Problem = problem };
            }
        }
    }

    /// <summary>The snapshot is up to date with the database now.</summary>
    public void Synchronized()
    {
        lock (gate)
        {
            synchronizedAt = time.GetUtcNow();
        }
    }

    public void Reachable()
    {
        bool changed;
        lock (gate)
        {
            changed = !reachable;
            reachable = true;
            problem = null;
            synchronizedAt = time.GetUtcNow();
        }

        if (changed)
        {
            Log.StoreReachable(logger, database);
        }
    }

    public void Unreachable(string why)
    {
        bool changed;
        DateTimeOffset since;
        lock (gate)
        {
            changed = reachable;
            reachable = false;
            problem = why;
            since = synchronizedAt;
        }

        if (changed)
        {
            Log.StoreUnreachable(logger, database, why, since);
        }
    }
}

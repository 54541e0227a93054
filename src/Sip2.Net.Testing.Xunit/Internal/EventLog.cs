using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Sip2.Net.Access;

namespace Sip2.Net.Testing.Xunit.Internal;

/// <summary>
/// The registration events one store instance raises, in order, with a way to wait until a number of them arrived (a
/// shared store raises changes made on another instance when their notification comes, not at once).
/// </summary>
internal sealed class EventLog : IDisposable
{
    private readonly ISip2ClientRegistry registry;
    private readonly List<Sip2RegistrationChangedEventArgs> events = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];

    public EventLog(ISip2ClientRegistry registry)
    {
        this.registry = registry;
        registry.RegistrationChanged += Record;
    }

    public IReadOnlyList<Sip2RegistrationChangedEventArgs> Events
    {
        get
        {
            lock (events)
            {
                return events.ToArray();
            }
        }
    }

    /// <summary>Done once at least <paramref name="count"/> events arrived.</summary>
    public Task ReachedAsync(int count)
    {
        lock (events)
        {
            if (events.Count >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> events arrived; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        try
        {
            await ReachedAsync(count).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Events.Count} of {count} registration events arrived within {timeout.TotalSeconds} s: {string.Join(", ", Events.Select(e => e.Kind))}.");
        }
    }

    public void Dispose() => registry.RegistrationChanged -= Record;

    private void Record(object? sender, Sip2RegistrationChangedEventArgs change)
    {
        lock (events)
        {
            events.Add(change);
            foreach (var waiter in waiters.Where(w => events.Count >= w.Count).ToList())
            {
                waiters.Remove(waiter);
                waiter.Reached.TrySetResult();
            }
        }
    }
}

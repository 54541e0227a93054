using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Sip2.Net.TestSupport;

/// <summary>
/// A fake clock that tells the test when the code under test has set a timer, so that a test steps the clock right
/// after a wait began instead of guessing with real time.
/// </summary>
internal sealed class WatchedFakeTimeProvider() : FakeTimeProvider(DateTimeOffset.UtcNow)
{
    private readonly SemaphoreSlim created = new(0);
    private int timers;

    /// <summary>How many timers were made so far.</summary>
    public int Timers => Volatile.Read(ref timers);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref timers);
        created.Release();
        return timer;
    }

    /// <summary>Waits (at most 20 seconds) until a timer was made after the count <paramref name="seen"/>.</summary>
    public async Task TimerCreatedAfterAsync(int seen)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Timers <= seen)
        {
            await created.WaitAsync(limit.Token).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Steps the clock by <paramref name="step"/>, at most <paramref name="steps"/> times, until
    /// <paramref name="outcome"/> is done; after each step it waits for the outcome or for the next timer the code sets
    /// (a retry that failed and waits again). True when the outcome was done within the steps.
    /// </summary>
    public async Task<bool> AdvanceUntilAsync(Task outcome, TimeSpan step, int steps = 50)
    {
        for (var i = 0; i < steps && !outcome.IsCompleted; i++)
        {
            var seen = Timers;
            Advance(step);
            await Task.WhenAny(outcome, TimerCreatedAfterAsync(seen)).ConfigureAwait(false);
        }

        return outcome.IsCompleted;
    }
}

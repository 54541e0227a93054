using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Sip2.Net.TestSupport;

/// <summary>Driving a server's timeouts with a fake clock, shared by the test projects.</summary>
internal static class FakeClock
{
    /// <summary>
    /// Moves <paramref name="time"/> on by <paramref name="step"/>, at most <paramref name="steps"/> times, until
    /// <paramref name="outcome"/> is done, giving the server <paramref name="settleMilliseconds"/> of real time after each
    /// step to act on it. A test cannot see when the server has set a deadline, so it steps past it instead.
    /// True when the outcome was done within the steps.
    /// </summary>
    public static async Task<bool> AdvanceUntilAsync(FakeTimeProvider time, Task outcome, TimeSpan step, int steps = 200, int settleMilliseconds = 25)
    {
        for (var i = 0; i < steps && !outcome.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.WhenAny(outcome, Task.Delay(settleMilliseconds)).ConfigureAwait(false);
        }

        return outcome.IsCompleted;
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.Server;

/// <summary>Timer helpers over <see cref="TimeProvider"/>, so tests drive timeouts with a fake clock instead of sleeping.</summary>
internal static class Timeouts
{
    // A source that cancels after delay on the TimeProvider's clock (never, for an infinite delay).
    public static CancellationTokenSource CreateCancellationSource(TimeSpan delay, TimeProvider timeProvider)
    {
        if (delay == Timeout.InfiniteTimeSpan)
        {
            return new CancellationTokenSource();
        }

#if NET8_0_OR_GREATER
        return new CancellationTokenSource(delay, timeProvider);
#else
        return timeProvider.CreateCancellationTokenSource(delay);
#endif
    }

    public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return Task.Delay(delay, timeProvider, cancellationToken);
#else
        return timeProvider.Delay(delay, cancellationToken);
#endif
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;

namespace Sip2.Net.Internal;

/// <summary>A delay on a <see cref="TimeProvider"/> on every target: netstandard2.0 has no <c>Task.Delay</c> that takes one.</summary>
internal static class TimeProviderDelay
{
    public static Task WaitAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, time, cancellationToken);
#else
        time.Delay(delay, cancellationToken);
#endif
}

using System.Threading.Channels;
using Sip2.Net.Access;

namespace Sip2.Net.Storage.Tests;

/// <summary>The registration events a store raises, in order, to await one at a time.</summary>
internal sealed class EventQueue
{
    private readonly Channel<Sip2RegistrationChangedEventArgs> events = Channel.CreateUnbounded<Sip2RegistrationChangedEventArgs>();

    public EventQueue(ISip2ClientRegistry registry) => registry.RegistrationChanged += (_, e) => events.Writer.TryWrite(e);

    /// <summary>The next event; fails the test when none comes within <paramref name="within"/>.</summary>
    public async Task<Sip2RegistrationChangedEventArgs> NextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await events.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No registration event within {within.TotalMilliseconds} ms.");
        }
    }

    /// <summary>The next event for <paramref name="id"/> of <paramref name="kind"/>, skipping others.</summary>
    public async Task<Sip2RegistrationChangedEventArgs> NextAsync(Guid id, Sip2RegistrationChangeKind kind, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var next = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if (next.Registration.Id == id && next.Kind == kind)
            {
                return next;
            }
        }
    }
}

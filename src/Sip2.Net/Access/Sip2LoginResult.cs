using System;
using Sip2.Net.Resolution;

namespace Sip2.Net.Access;

/// <summary>The result of <see cref="ISip2AccessPolicy.LoginAsync"/>.</summary>
public sealed class Sip2LoginResult
{
    private Sip2LoginResult(Sip2LoginOutcome outcome, Sip2SessionBinding? binding, Sip2MessageScenario? scenario, TimeSpan? retryAfter)
    {
        Outcome = outcome;
        Binding = binding;
        Scenario = scenario;
        RetryAfter = retryAfter;
    }

    /// <summary>How the login ended.</summary>
    public Sip2LoginOutcome Outcome { get; }

    /// <summary>The new binding when accepted; null otherwise.</summary>
    public Sip2SessionBinding? Binding { get; }

    /// <summary>For anything but acceptance, the scenario of the screen message; null when accepted.</summary>
    public Sip2MessageScenario? Scenario { get; }

    /// <summary>For <see cref="Sip2LoginOutcome.Throttled"/>, how long the address or login id stays locked out; null otherwise.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether the answer is <c>941</c>.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Binding))]
    public bool Succeeded => Outcome == Sip2LoginOutcome.Accepted;

    /// <summary>Whether the server should close the connection after answering.</summary>
    public bool CloseConnection => Outcome == Sip2LoginOutcome.TooManyFailures;

    /// <summary>An accepted login with the session's new binding.</summary>
    public static Sip2LoginResult Accepted(Sip2SessionBinding binding) =>
        new(Sip2LoginOutcome.Accepted, binding ?? throw new ArgumentNullException(nameof(binding)), null, null);

    /// <summary>A refused login.</summary>
    public static Sip2LoginResult Refused(Sip2MessageScenario scenario = Sip2MessageScenario.LoginRefused) => new(Sip2LoginOutcome.Refused, null, scenario, null);

    /// <summary>A login refused because the address or the login id is locked out for <paramref name="retryAfter"/>.</summary>
    public static Sip2LoginResult Throttled(TimeSpan retryAfter) => new(Sip2LoginOutcome.Throttled, null, Sip2MessageScenario.LoginThrottled, retryAfter);

    /// <summary>A refused login after which the connection is closed.</summary>
    public static Sip2LoginResult TooManyFailures() => new(Sip2LoginOutcome.TooManyFailures, null, Sip2MessageScenario.LoginRefused, null);

    /// <inheritdoc/>
    public override string ToString() => Outcome.ToString();
}

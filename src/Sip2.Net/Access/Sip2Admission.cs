using System;
using Sip2.Net.Resolution;

namespace Sip2.Net.Access;

/// <summary>The result of <see cref="ISip2AccessPolicy.AdmitAsync"/>.</summary>
public sealed class Sip2Admission
{
    private Sip2Admission(Sip2AdmissionOutcome outcome, Sip2AccessSession? session, Sip2MessageScenario? scenario)
    {
        Outcome = outcome;
        Session = session;
        Scenario = scenario;
    }

    /// <summary>Refused, bound, or awaiting a login.</summary>
    public Sip2AdmissionOutcome Outcome { get; }

    /// <summary>The connection's access state; null when refused.</summary>
    public Sip2AccessSession? Session { get; }

    /// <summary>Why the connection was refused (<see cref="Sip2MessageScenario.AccessRefused"/>, <see cref="Sip2MessageScenario.ConfigurationMissing"/>); null otherwise.</summary>
    public Sip2MessageScenario? Scenario { get; }

    /// <summary>Whether the connection may stay open.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Session))]
    public bool IsAdmitted => Outcome != Sip2AdmissionOutcome.Refused;

    /// <summary>A refusal with its scenario.</summary>
    public static Sip2Admission Refused(Sip2MessageScenario scenario) => new(Sip2AdmissionOutcome.Refused, null, scenario);

    /// <summary>An admission of a session that is already bound.</summary>
    /// <exception cref="ArgumentException">The session is not bound.</exception>
    public static Sip2Admission Bound(Sip2AccessSession session) =>
        (session ?? throw new ArgumentNullException(nameof(session))).IsBound
            ? new(Sip2AdmissionOutcome.Bound, session, null)
            : throw new ArgumentException("The session is not bound.", nameof(session));

    /// <summary>An admission of a session that must log in.</summary>
    public static Sip2Admission AwaitingLogin(Sip2AccessSession session) =>
        new(Sip2AdmissionOutcome.AwaitingLogin, session ?? throw new ArgumentNullException(nameof(session)), null);

    /// <inheritdoc/>
    public override string ToString() => Scenario is { } s ? $"{Outcome} ({s})" : Outcome.ToString();
}

using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Resolution;

namespace Sip2.Net.Access;

/// <summary>
/// Decides who may connect and who may log in. The server calls <see cref="AdmitAsync"/> once per connection
/// and <see cref="LoginAsync"/> for every Login (93). Bad input is never an exception: an unknown address, a
/// wrong or empty password, a throttled address are all results. Implementations must be thread-safe.
/// </summary>
public interface ISip2AccessPolicy
{
    /// <summary>
    /// Admits a new connection from <paramref name="remoteAddress"/>: refused (close at once, process nothing),
    /// bound to a registration straight away, or waiting for a login.
    /// </summary>
    ValueTask<Sip2Admission> AdmitAsync(IPAddress remoteAddress, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks a Login (93) on an admitted session and, when it succeeds, binds or rebinds the session. The
    /// server answers <c>941</c> for <see cref="Sip2LoginOutcome.Accepted"/> and <c>940</c> otherwise, and closes
    /// the connection after answering a <see cref="Sip2LoginOutcome.TooManyFailures"/>.
    /// </summary>
    /// <param name="session">The session <see cref="AdmitAsync"/> returned.</param>
    /// <param name="loginId">The login user id (CN); null or empty when absent.</param>
    /// <param name="password">The login password (CO); null or empty when absent. Never logged.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<Sip2LoginResult> LoginAsync(Sip2AccessSession session, string? loginId, string? password, CancellationToken cancellationToken = default);
}

/// <summary>How a connection was admitted.</summary>
public enum Sip2AdmissionOutcome
{
    /// <summary>No activated registration (or its branch lost its configuration): close the connection at once.</summary>
    Refused = 0,
    /// <summary>The address's sole registration has no login id: the session is bound and may send requests.</summary>
    Bound = 1,
    /// <summary>The session must log in (93) before anything but, where the server allows it, SC Status (99).</summary>
    AwaitingLogin = 2,
}

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

/// <summary>How a Login (93) ended.</summary>
public enum Sip2LoginOutcome
{
    /// <summary>The session is bound (or rebound) to the registration the credentials select: answer <c>941</c>.</summary>
    Accepted = 0,
    /// <summary>The credentials select nothing: answer <c>940</c>. The session keeps any binding it had.</summary>
    Refused = 1,
    /// <summary>
    /// The address is locked out after repeated failures, the credentials were not checked: answer <c>940</c>,
    /// and the server may delay the answer by up to <see cref="Sip2LoginResult.RetryAfter"/>.
    /// </summary>
    Throttled = 2,
    /// <summary>This connection has failed too many logins: answer <c>940</c>, then close the connection.</summary>
    TooManyFailures = 3,
}

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

    /// <summary>For <see cref="Sip2LoginOutcome.Throttled"/>, how long the address stays locked out; null otherwise.</summary>
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

    /// <summary>A login refused because the address is locked out for <paramref name="retryAfter"/>.</summary>
    public static Sip2LoginResult Throttled(TimeSpan retryAfter) => new(Sip2LoginOutcome.Throttled, null, Sip2MessageScenario.LoginThrottled, retryAfter);

    /// <summary>A refused login after which the connection is closed.</summary>
    public static Sip2LoginResult TooManyFailures() => new(Sip2LoginOutcome.TooManyFailures, null, Sip2MessageScenario.LoginRefused, null);

    /// <inheritdoc/>
    public override string ToString() => Outcome.ToString();
}

namespace Sip2.Net.Access;

/// <summary>How a Login (93) ended.</summary>
public enum Sip2LoginOutcome
{
    /// <summary>The session is bound (or rebound) to the registration the credentials select: answer <c>941</c>.</summary>
    Accepted = 0,
    /// <summary>The credentials select nothing: answer <c>940</c>. The session keeps any binding it had.</summary>
    Refused = 1,
    /// <summary>
    /// The address or the login id is locked out after repeated failures, the credentials were not checked: answer <c>940</c>,
    /// and the server may delay the answer by up to <see cref="Sip2LoginResult.RetryAfter"/>.
    /// </summary>
    Throttled = 2,
    /// <summary>This connection has failed too many logins: answer <c>940</c>, then close the connection.</summary>
    TooManyFailures = 3,
}

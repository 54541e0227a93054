namespace Sip2.Net.Access;

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

namespace Sip2.Net.Messages;

/// <summary>Login Response (94): <c>1</c> accepted, <c>0</c> refused.</summary>
/// <remarks>Wire layout: <c>94</c> + ok (1) + variable fields.</remarks>
public sealed record LoginResponse() : Sip2Message(Sip2Command.LoginResponse)
{
    /// <summary>Ok (fixed, 1 character): true when the login was accepted.</summary>
    public bool Ok { get => GetFixedOneZero(0); init => SetFixedOneZero(0, value); }
}

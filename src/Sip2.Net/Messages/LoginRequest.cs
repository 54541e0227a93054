namespace Sip2.Net.Messages;

/// <summary>Login (93): the SC identifies itself; if used, the first message of a connection.</summary>
/// <remarks>Wire layout: <c>93</c> + UID algorithm (1) + PWD algorithm (1) + variable fields.</remarks>
public sealed record LoginRequest() : Sip2Request<LoginResponse>(Sip2Command.Login)
{
    /// <summary>UID algorithm (fixed, 1 character): 0 = not encrypted, the only value used in practice.</summary>
    public char UidAlgorithm { get => GetFixedCharacter(0); init => SetFixedCharacter(0, value); }

    /// <summary>PWD algorithm (fixed, 1 character): 0 = not encrypted.</summary>
    public char PwdAlgorithm { get => GetFixedCharacter(1); init => SetFixedCharacter(1, value); }

    /// <summary>Login user id (CN, required).</summary>
    public string LoginUserId { get => GetRequiredText(FieldId.LoginUserId); init => SetText(FieldId.LoginUserId, value); }

    /// <summary>Login password (CO, required).</summary>
    public string LoginPassword { get => GetRequiredText(FieldId.LoginPassword); init => SetText(FieldId.LoginPassword, value); }

    /// <summary>Location code (CP, optional).</summary>
    public string? LocationCode { get => GetText(FieldId.LocationCode); init => SetText(FieldId.LocationCode, value); }
}

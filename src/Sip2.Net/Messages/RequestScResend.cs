namespace Sip2.Net.Messages;

/// <summary>Request SC Resend (96): the ACS asks for the last request again. Never carries a sequence number.</summary>
/// <remarks>Wire layout: <c>96</c> + no fixed fields + variable fields.</remarks>
public sealed record RequestScResend() : Sip2Message(Sip2Command.RequestScResend)
{

}

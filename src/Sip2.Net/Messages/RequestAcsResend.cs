namespace Sip2.Net.Messages;

/// <summary>Request ACS Resend (97): the SC asks for the last response again. Never carries a sequence number.</summary>
/// <remarks>Wire layout: <c>97</c> + no fixed fields + variable fields.</remarks>
public sealed record RequestAcsResend() : Sip2Message(Sip2Command.RequestAcsResend)
{

}

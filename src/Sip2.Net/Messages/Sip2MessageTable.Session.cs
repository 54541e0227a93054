using System.Collections.Generic;

namespace Sip2.Net.Messages;

// Login, status and resend: what the server answers itself.
public static partial class Sip2MessageTable
{
    private static Builder[] DefineSession() =>
    [
        new Builder(Sip2Command.Login, "Login", typeof(LoginRequest), true, Sip2Command.LoginResponse, static () => new LoginRequest())
            .Request(SupportedMessages.Login)
            .Fixed(nameof(LoginRequest.UidAlgorithm), "UID algorithm", 1, Sip2FieldKind.Character, typeof(char), "0")
            .Fixed(nameof(LoginRequest.PwdAlgorithm), "PWD algorithm", 1, Sip2FieldKind.Character, typeof(char), "0")
            .Field(FieldId.LoginUserId, nameof(LoginRequest.LoginUserId), "login user id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.LoginPassword, nameof(LoginRequest.LoginPassword), "login password", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.LocationCode, nameof(LoginRequest.LocationCode), "location code", Sip2FieldKind.Text, typeof(string), FieldOptions.None),
        new Builder(Sip2Command.LoginResponse, "Login Response", typeof(LoginResponse), false, null, static () => new LoginResponse())
            .Fixed(nameof(LoginResponse.Ok), "ok", 1, Sip2FieldKind.OneZero, typeof(bool), "0"),
        new Builder(Sip2Command.ScStatus, "SC Status", typeof(ScStatusRequest), true, Sip2Command.AcsStatus, static () => new ScStatusRequest())
            .Request(SupportedMessages.ScAcsStatus)
            .Fixed(nameof(ScStatusRequest.StatusCode), "status code", 1, Sip2FieldKind.Code, typeof(ScStatusCode?), "0")
            .Fixed(nameof(ScStatusRequest.MaxPrintWidth), "max print width", 3, Sip2FieldKind.Number, typeof(int?), "000")
            .Fixed(nameof(ScStatusRequest.ProtocolVersion), "protocol version", 4, Sip2FieldKind.Text, typeof(string), "2.00"),
        new Builder(Sip2Command.AcsStatus, "ACS Status", typeof(AcsStatusResponse), false, null, static () => new AcsStatusResponse())
            .Fixed(nameof(AcsStatusResponse.OnlineStatus), "on-line status", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.CheckinOk), "checkin ok", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.CheckoutOk), "checkout ok", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.AcsRenewalPolicy), "ACS renewal policy", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.StatusUpdateOk), "status update ok", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.OfflineOk), "off-line ok", 1, Sip2FieldKind.YesNo, typeof(bool), "N")
            .Fixed(nameof(AcsStatusResponse.TimeoutPeriod), "timeout period", 3, Sip2FieldKind.Number, typeof(int?), "999")
            .Fixed(nameof(AcsStatusResponse.RetriesAllowed), "retries allowed", 3, Sip2FieldKind.Number, typeof(int?), "999")
            .Fixed(nameof(AcsStatusResponse.DateTimeSync), "date / time sync", 18, Sip2FieldKind.Timestamp, typeof(Sip2Timestamp?), "                  ")
            .Fixed(nameof(AcsStatusResponse.ProtocolVersion), "protocol version", 4, Sip2FieldKind.Text, typeof(string), "2.00")
            .Field(FieldId.InstitutionId, nameof(AcsStatusResponse.InstitutionId), "institution id", Sip2FieldKind.Text, typeof(string), FieldOptions.Required)
            .Field(FieldId.LibraryName, nameof(AcsStatusResponse.LibraryName), "library name", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.SupportedMessages, nameof(AcsStatusResponse.SupportedMessages), "supported messages", Sip2FieldKind.SupportedMessages, typeof(SupportedMessages?), FieldOptions.Required)
            .Field(FieldId.TerminalLocation, nameof(AcsStatusResponse.TerminalLocation), "terminal location", Sip2FieldKind.Text, typeof(string), FieldOptions.None)
            .Field(FieldId.ScreenMessage, nameof(AcsStatusResponse.ScreenMessages), "screen message", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable)
            .Field(FieldId.PrintLine, nameof(AcsStatusResponse.PrintLines), "print line", Sip2FieldKind.Text, typeof(IReadOnlyList<string>), FieldOptions.Repeatable),
        new Builder(Sip2Command.RequestAcsResend, "Request ACS Resend", typeof(RequestAcsResend), true, null, static () => new RequestAcsResend())
            .Request(SupportedMessages.RequestScAcsResend),
        new Builder(Sip2Command.RequestScResend, "Request SC Resend", typeof(RequestScResend), false, null, static () => new RequestScResend()),
    ];
}

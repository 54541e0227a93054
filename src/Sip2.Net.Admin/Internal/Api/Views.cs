using System;
using System.Collections.Generic;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Model;
using Sip2.Net.Resolution;
using Sip2.Net.Server;

namespace Sip2.Net.Admin.Internal.Api;

// What the API returns. No password and no hash ever: a registration says only whether it has a password.

/// <summary>A client registration as the API returns it.</summary>
internal sealed record RegistrationView(
    Guid Id, string IpAddress, string? LoginId, bool HasPassword, string? Description, string InstitutionId, string BranchId,
    string Vendor, string Encoding, string ResolutionLevel, bool Activated, int? LiveSessions)
{
    public static RegistrationView From(Sip2ClientRegistration r, IReadOnlyDictionary<Guid, int>? live) => new(
        r.Id, r.IPAddress.ToString(), r.LoginId, r.PasswordHash is not null, r.Description, r.InstitutionId, r.BranchId, r.Vendor,
        AdminValues.EncodingName(r.Encoding), AdminValues.ResolutionName(r.ResolutionLevel), r.Activated,
        live is null ? null : live.TryGetValue(r.Id, out var count) ? count : 0);
}

/// <summary>A branch's SIP2 configuration as the API returns it.</summary>
internal sealed record BranchView(
    string InstitutionId, string BranchId, IReadOnlyList<string> SupportedMessages, int TimeoutSeconds, int RetriesAllowed,
    string? TerminalLocation, string? LibraryName, bool SendPersonalData, bool UseSortBin, bool AvailableHoldAllowed,
    bool OnlineStatus, bool CheckinOk, bool CheckoutOk, bool RenewalPolicy, bool StatusUpdateOk, bool OfflineOk)
{
    public static BranchView From(Sip2BranchConfiguration b) => new(
        b.InstitutionId, b.BranchId, BranchInput.Names(b.SupportedMessages), b.TimeoutSeconds, b.RetriesAllowed, b.TerminalLocation,
        b.LibraryName, b.SendPersonalData, b.UseSortBin, b.AvailableHoldAllowed, b.OnlineStatus, b.CheckinOk, b.CheckoutOk,
        b.RenewalPolicy, b.StatusUpdateOk, b.OfflineOk);
}

/// <summary>An institution (the API's input and output).</summary>
internal sealed record InstitutionView(string? Id, string? Name, string? GroupId)
{
    public static InstitutionView From(Sip2Institution i) => new(i.Id, i.Name, i.GroupId);
}

/// <summary>A group of institutions (the API's input and output).</summary>
internal sealed record GroupView(string? Id, string? Name)
{
    public static GroupView From(Sip2InstitutionGroup g) => new(g.Id, g.Name);
}

/// <summary>One scenario's screen message for an institution: the default, the override, and the text kiosks get.</summary>
internal sealed record MessageView(string Scenario, string DefaultText, string? CustomText, bool Customised, string Text);

/// <summary>The body of <c>PUT api/messages/{institutionId}/{scenario}</c>.</summary>
internal sealed record MessageInput(string? Text);

/// <summary>A live SIP2 connection.</summary>
internal sealed record SessionView(
    string ConnectionId, string RemoteAddress, DateTimeOffset ConnectedAt, DateTimeOffset? LastMessageAt, long MessageCount,
    Guid? RegistrationId, string? LoginId, string? InstitutionId, string? BranchId)
{
    public static SessionView From(Sip2SessionInfo s) => new(
        s.ConnectionId, s.RemoteAddress.ToString(), s.ConnectedAt, s.LastMessageAt, s.MessageCount, s.RegistrationId, s.LoginId, s.InstitutionId, s.BranchId);
}

/// <summary>One entry of the audit trail.</summary>
internal sealed record AuditView(long Sequence, DateTimeOffset Time, string Actor, string Action, string Subject, string Details)
{
    public static AuditView From(Sip2AuditEntry e) => new(e.Sequence, e.Time, e.Actor, e.Action.ToString(), e.Subject, e.Details);
}

/// <summary>A page of the audit trail, newest first, and the <c>before</c> value of the next (older) page.</summary>
internal sealed record AuditPage(IReadOnlyList<AuditView> Entries, long? Next);

/// <summary>The body of <c>PUT api/registrations/{id}/login</c>.</summary>
internal sealed record LoginChangeInput(string? LoginId, string? Password);

/// <summary>The body of <c>PUT api/registrations/{id}/password</c> and of <c>POST api/registrations/{id}/test</c>.</summary>
internal sealed record PasswordInput(string? Password);

/// <summary>The result of a test exchange.</summary>
internal sealed record TestView(bool Succeeded, bool Admitted, bool? LoginAccepted, bool StatusAnswered, string Summary, IReadOnlyList<string> Exchange);

/// <summary>The store and server this admin site works with.</summary>
internal sealed record StatusView(bool IsDurable, bool IsReachable, DateTimeOffset SynchronizedAt, string? Problem, bool LiveSessionsAvailable);

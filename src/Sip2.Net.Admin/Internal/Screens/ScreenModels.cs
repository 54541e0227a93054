using System;
using System.Collections.Generic;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Api;
using Sip2.Net.Admin.Internal.Model;
using Sip2.Net.Admin.Internal.Probe;
using Sip2.Net.Admin.Internal.Rendering;
using Sip2.Net.Resolution;
using Sip2.Net.Server;

namespace Sip2.Net.Admin.Internal.Screens;

// One model per screen; the components read them through a cascading value.

internal sealed class RegistrationsModel : AdminPage
{
    public required IReadOnlyList<Sip2ClientRegistration> Registrations { get; init; }

    public IReadOnlyDictionary<Guid, int>? LiveSessions { get; init; }

    public required IReadOnlyList<Sip2Institution> Institutions { get; init; }

    public string? InstitutionFilter { get; init; }

    public string? AddressFilter { get; init; }

    public string LiveCount(Guid id) => LiveSessions is null ? "n/a" : LiveSessions.TryGetValue(id, out var count) ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";
}

internal sealed class RegistrationFormModel : AdminPage
{
    /// <summary>Null for Create New; the registration being edited otherwise.</summary>
    public Sip2ClientRegistration? Existing { get; init; }

    public required RegistrationInput Values { get; init; }

    public required IReadOnlyList<Sip2BranchConfiguration> Branches { get; init; }

    public required IReadOnlyList<string> Vendors { get; init; }

    public string SelectedBranch => Values.InstitutionId is { } i && Values.BranchId is { } b ? AdminValues.BranchKey(i, b) : "";
}

internal sealed class ConfirmModel : AdminPage
{
    public required string Heading { get; init; }

    public required string Question { get; init; }

    public required IReadOnlyList<(string Label, string Value)> Facts { get; init; }

    public required string Action { get; init; }

    public required string CancelLink { get; init; }

    public required string Button { get; init; }
}

internal sealed class LoginChangeModel : AdminPage
{
    public required Sip2ClientRegistration Registration { get; init; }

    public string? NewLoginId { get; init; }
}

internal sealed class PasswordModel : AdminPage
{
    public required Sip2ClientRegistration Registration { get; init; }
}

internal sealed class TestModel : AdminPage
{
    public required Sip2ClientRegistration Registration { get; init; }

    public TestExchange? Exchange { get; init; }
}

internal sealed class BranchesModel : AdminPage
{
    public required IReadOnlyList<Sip2BranchConfiguration> Branches { get; init; }

    public required IReadOnlyDictionary<string, int> RegistrationCounts { get; init; }
}

internal sealed class BranchFormModel : AdminPage
{
    /// <summary>Null for a new configuration.</summary>
    public Sip2BranchConfiguration? Existing { get; init; }

    public required Sip2BranchConfiguration Values { get; init; }

    /// <summary>What the administrator typed for the numbers, shown again when they were not numbers.</summary>
    public string? TimeoutText { get; init; }

    public string? RetriesText { get; init; }

    public required IReadOnlyList<Sip2Institution> Institutions { get; init; }
}

internal sealed class DirectoryModel : AdminPage
{
    public required IReadOnlyList<Sip2InstitutionGroup> Groups { get; init; }

    public required IReadOnlyList<Sip2Institution> Institutions { get; init; }
}

internal sealed class InstitutionFormModel : AdminPage
{
    public bool IsNew { get; init; }

    public required Sip2Institution Values { get; init; }

    public required IReadOnlyList<Sip2InstitutionGroup> Groups { get; init; }
}

internal sealed class GroupFormModel : AdminPage
{
    public bool IsNew { get; init; }

    public required Sip2InstitutionGroup Values { get; init; }
}

internal sealed class MessagesModel : AdminPage
{
    public required IReadOnlyList<Sip2Institution> Institutions { get; init; }

    public Sip2Institution? Institution { get; init; }

    public IReadOnlyList<MessageView> Messages { get; init; } = [];

    /// <summary>Text typed for a scenario that was refused, shown again.</summary>
    public Dictionary<string, string> Typed { get; } = new(StringComparer.Ordinal);
}

internal sealed class SessionsModel : AdminPage
{
    public IReadOnlyList<Sip2SessionInfo>? Sessions { get; init; }

    public required IReadOnlyDictionary<Guid, Sip2ClientRegistration> Registrations { get; init; }
}

internal sealed class AuditModel : AdminPage
{
    public required IReadOnlyList<Sip2AuditEntry> Entries { get; init; }

    public long? Next { get; init; }

    public bool IsFirstPage { get; init; }
}

internal sealed class NoticeModel : AdminPage
{
    public required string Heading { get; init; }

    public required string Text { get; init; }

    public string? BackLink { get; init; }
}

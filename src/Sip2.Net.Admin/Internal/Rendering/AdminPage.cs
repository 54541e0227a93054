using System;
using System.Collections.Generic;
using Sip2.Net.Access;

namespace Sip2.Net.Admin.Internal.Rendering;

/// <summary>What every screen shows: the site's frame, a notice, and the refusals to show next to their fields.</summary>
internal abstract class AdminPage
{
    public required PageChrome Chrome { get; init; }

    /// <summary>A confirmation of what the last action did.</summary>
    public string? Notice { get; set; }

    /// <summary>A problem that belongs to no field (the form expired, the record is gone).</summary>
    public string? PageError { get; set; }

    /// <summary>A write failed because the registry database cannot be reached.</summary>
    public bool StoreUnavailable { get; set; }

    /// <summary>Refusals by form field name (as in JSON: <c>ipAddress</c>, <c>loginId</c>).</summary>
    public Dictionary<string, Sip2RegistryError> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Sip2RegistryError? ErrorFor(string field) => Errors.TryGetValue(field, out var error) ? error : null;
}

/// <summary>The frame around every screen.</summary>
internal sealed record PageChrome(
    string BasePath, string SiteTitle, string PageTitle, string Section, bool IsDurable, bool LiveSessionsAvailable, string? UserName,
    string? SignOutPath, string TokenField, string Token, string? StoreProblem)
{
    public string Link(string relative) => BasePath + "/" + relative;
}

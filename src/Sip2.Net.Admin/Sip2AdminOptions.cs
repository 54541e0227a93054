using System;
using System.Security.Claims;

namespace Sip2.Net.Admin;

/// <summary>How the admin screens and API present themselves and name the administrator in the audit trail.</summary>
public sealed class Sip2AdminOptions
{
    /// <summary>The site's title in the page header and the browser tab. Default: <c>SIP2 administration</c>.</summary>
    public string Title { get; set; } = "SIP2 administration";

    /// <summary>
    /// Where the host signs administrators out (a path that accepts a POST with an anti-forgery token); the screens show
    /// a sign-out button posting there. Null (the default) shows none.
    /// </summary>
    public string? SignOutPath { get; set; }

    /// <summary>
    /// The name the audit trail records for a change, from the signed-in user. Default: the identity's name, or
    /// <c>unknown</c> when it has none.
    /// </summary>
    public Func<ClaimsPrincipal, string>? ActorName { get; set; }

    /// <summary>How long the Test button waits for each answer of the SIP2 server. Default: 10 seconds.</summary>
    public TimeSpan TestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many audit entries one page of the audit trail shows (1 to 1,000). Default: 50.</summary>
    public int AuditPageSize { get; set; } = 50;
}

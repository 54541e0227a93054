using System.Collections.Generic;

namespace Sip2.Net.SampleHost.Admin;

/// <summary>The "Sip2:Admin" section: where the admin site listens, who may sign in, and the API key.</summary>
internal sealed class AdminSettings
{
    /// <summary>
    /// The admin site's address. Unset, it is http://127.0.0.1:6080, or a free port when Sip2:Port is 0 (tests), so a
    /// test that asks for a free SIP2 port does not collide on the admin port.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Administrators who sign in with a cookie.</summary>
    public List<AdminAccountSettings> Accounts { get; set; } = [];

    /// <summary>The key the JSON API accepts in X-Api-Key; empty means the header is refused.</summary>
    public string? ApiKey { get; set; }
}

/// <summary>One administrator: a user name and the stored form of a Sip2PasswordHash (the hash-password command prints one).</summary>
internal sealed class AdminAccountSettings
{
    public string UserName { get; set; } = "";

    public string PasswordHash { get; set; } = "";
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sip2.Net.Access;
using Sip2.Net.Server;
using Sip2.Net.Vendors;

namespace Sip2.Net.Admin.Internal;

/// <summary>One mounted admin site: its prefix and the services every screen and API endpoint uses.</summary>
internal sealed class AdminSite(string prefix, IServiceProvider services)
{
    public const string DocumentName = "sip2-admin";

    /// <summary>The mount point, starting with <c>/</c> and without a trailing one (<c>/sip2</c>).</summary>
    public string Prefix { get; } = prefix;

    public ISip2RegistryStore Store => services.GetRequiredService<ISip2RegistryStore>();

    /// <summary>The live SIP2 server of this process, or null when the host runs none (sessions and Test are then unavailable).</summary>
    public Sip2ConnectionHandler? Handler => services.GetService<Sip2ConnectionHandler>();

    public Sip2VendorProfileCatalog Vendors => services.GetService<Sip2VendorProfileCatalog>() ?? DefaultVendors;

    public Sip2AdminOptions Options => services.GetRequiredService<IOptions<Sip2AdminOptions>>().Value;

    public TimeProvider Time => services.GetService<TimeProvider>() ?? TimeProvider.System;

    private static Sip2VendorProfileCatalog DefaultVendors { get; } = new();

    /// <summary>The site's base path for links: the host's path base and the prefix.</summary>
    public string BasePath(HttpContext context) => context.Request.PathBase.Add(Prefix).Value ?? Prefix;

    /// <summary>Who the audit trail names for this request's changes.</summary>
    public string Actor(HttpContext context)
    {
        var user = context.User ?? new ClaimsPrincipal();
        var name = Options.ActorName is { } resolve ? resolve(user) : user.Identity?.Name;
        return string.IsNullOrWhiteSpace(name) ? "unknown" : name;
    }

    /// <summary>Live sessions per registration id; null when no SIP2 server runs here.</summary>
    public IReadOnlyDictionary<Guid, int>? LiveSessionCounts()
    {
        var sessions = Handler?.GetSessions();
        return sessions?.Where(s => s.RegistrationId is not null).GroupBy(s => s.RegistrationId!.Value).ToDictionary(g => g.Key, g => g.Count());
    }
}

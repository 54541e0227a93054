using System;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sip2.Net.Admin.Internal;
using Sip2.Net.Admin.Internal.Api;
using Sip2.Net.Admin.Internal.Screens;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Mounts the SIP2 admin screens and JSON API into an ASP.NET Core application.</summary>
public static class Sip2AdminEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every admin screen, the JSON API (<c>{prefix}/api/...</c>), its OpenAPI document
    /// (<c>{prefix}/openapi/sip2-admin.json</c>) and the stylesheet under <paramref name="prefix"/>. The result covers all
    /// of them, so one call secures the whole site: <c>app.MapSip2Admin("/sip2").RequireAuthorization("Sip2Admin")</c>.
    /// Nothing is secured unless the host does so.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="prefix">The mount point, for example <c>/sip2</c>.</param>
    /// <exception cref="InvalidOperationException"><c>AddSip2Admin</c> was not called.</exception>
    public static IEndpointConventionBuilder MapSip2Admin(this IEndpointRouteBuilder endpoints, string prefix = "/sip2")
    {
        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        if (endpoints.ServiceProvider.GetService<AdminServicesMarker>() is null)
        {
            throw new InvalidOperationException("Call services.AddSip2Admin() before MapSip2Admin().");
        }

        var normalized = "/" + (prefix ?? "").Trim('/');
        if (normalized.Length == 1)
        {
            throw new ArgumentException("Mount the admin site under a prefix such as /sip2.", nameof(prefix));
        }

        var site = new AdminSite(normalized, endpoints.ServiceProvider);
        var group = endpoints.MapGroup(normalized);
        AdminApi.Map(group, site);
        Sip2AdminOpenApi.Map(group, site.Options.Title);
        AdminScreens.Map(group, site);
        return group;
    }
}

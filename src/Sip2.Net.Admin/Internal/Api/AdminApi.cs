using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sip2.Net.Admin.Internal.Api;

/// <summary>The JSON API under <c>{prefix}/api</c>.</summary>
internal static class AdminApi
{
    public static void Map(IEndpointRouteBuilder site, AdminSite admin)
    {
        var api = site.MapGroup("api");
        api.AddEndpointFilter(RefuseCrossSiteChanges);
        api.WithGroupName(AdminSite.DocumentName);
        api.WithMetadata(new AdminApiMetadata());
#if !NET9_0_OR_GREATER
        // On net8.0 the operations are described by WithOpenApi and gathered by Sip2AdminOpenApi.
        api.WithOpenApi();
#endif
        RegistrationsApi.Map(api, admin);
        DirectoryApi.Map(api, admin);
        ActivityApi.Map(api, admin);
    }

    /// <summary>
    /// A browser page on another site could make a signed-in administrator's browser send a request carrying the
    /// cookie. Browsers name the site a request comes from (Sec-Fetch-Site, Origin); changes from another site are
    /// refused. Scripts (curl, an API key) send neither header and pass.
    /// </summary>
    private static async ValueTask<object?> RefuseCrossSiteChanges(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
            if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
            {
                return ApiResults.CrossSite();
            }

            var origin = request.Headers.Origin.ToString();
            if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
            {
                return ApiResults.CrossSite();
            }
        }

        return await next(context).ConfigureAwait(false);
    }
}

/// <summary>Marks the admin API's endpoints (the net8.0 OpenAPI document gathers them by it).</summary>
internal sealed class AdminApiMetadata;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
#if !NET9_0_OR_GREATER
using System.Linq;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Models;
#endif

namespace Sip2.Net.Admin.Internal.Api;

/// <summary>
/// The OpenAPI document of the admin API at <c>{prefix}/openapi/sip2-admin.json</c>. On net10.0 Microsoft.AspNetCore.OpenApi
/// generates it (with schemas); on net8.0, whose package only annotates endpoints, it is assembled here from the
/// operations WithOpenApi attached to each endpoint (paths, parameters and responses, without body schemas).
/// </summary>
internal static class Sip2AdminOpenApi
{
    public const string Route = "openapi/" + AdminSite.DocumentName + ".json";

    public static void AddServices(IServiceCollection services)
    {
#if NET9_0_OR_GREATER
        services.AddOpenApi(AdminSite.DocumentName, options =>
        {
            options.ShouldInclude = description => description.GroupName == AdminSite.DocumentName;
            options.AddDocumentTransformer((document, context, _) =>
            {
                var admin = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Sip2AdminOptions>>().Value;
                document.Info.Title = admin.Title + " API";
                document.Info.Version = "v1";
                return System.Threading.Tasks.Task.CompletedTask;
            });
        });
#else
        _ = services;
#endif
    }

    public static void Map(IEndpointRouteBuilder site, string title)
    {
#if NET9_0_OR_GREATER
        _ = title;
        site.MapOpenApi("openapi/{documentName}.json");
#else
        site.MapGet(Route, (HttpContext context) =>
        {
            var document = new OpenApiDocument
            {
                Info = new OpenApiInfo { Title = title + " API", Version = "v1" },
                Paths = new OpenApiPaths(),
            };
            var endpoints = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<AdminApiMetadata>() is not null);
            foreach (var endpoint in endpoints)
            {
                if (endpoint.Metadata.GetMetadata<OpenApiOperation>() is not { } operation
                    || endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is not [var method, ..])
                {
                    continue;
                }

                var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/').Replace(":guid", "", System.StringComparison.Ordinal);
                if (!document.Paths.TryGetValue(path, out var item))
                {
                    item = new OpenApiPathItem();
                    document.Paths[path] = item;
                }

                item.Operations[System.Enum.Parse<OperationType>(method, ignoreCase: true)] = operation;
            }

            return Results.Text(document.SerializeAsJson(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0), "application/json");
        }).ExcludeFromDescription();
#endif
    }
}

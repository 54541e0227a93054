using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sip2.Net.Admin.Internal.Rendering;

/// <summary>
/// Renders a screen, a Razor component, to HTML on the server (static rendering: no circuit, no script). The page's
/// model reaches the component as a cascading value of its own type, so the components need no public parameters.
/// </summary>
internal static class PageRenderer
{
    public static async Task<IResult> RenderAsync<TPage, TModel>(HttpContext context, TModel model, int status = StatusCodes.Status200OK)
        where TPage : IComponent
        where TModel : AdminPage
    {
        var loggers = context.RequestServices.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var renderer = new HtmlRenderer(context.RequestServices, loggers);
        await using (renderer.ConfigureAwait(false))
        {
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                RenderFragment page = builder =>
                {
                    builder.OpenComponent<TPage>(0);
                    builder.CloseComponent();
                };
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(CascadingValue<TModel>.Value)] = model,
                    [nameof(CascadingValue<TModel>.IsFixed)] = true,
                    [nameof(CascadingValue<TModel>.ChildContent)] = page,
                });
                var output = await renderer.RenderComponentAsync<CascadingValue<TModel>>(parameters).ConfigureAwait(false);
                return output.ToHtmlString();
            }).ConfigureAwait(false);
            return new HtmlResult("<!DOCTYPE html>\n" + html, status);
        }
    }

    private sealed class HtmlResult(string html, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            AdminHeaders.Apply(response);
            return response.WriteAsync(html, Encoding.UTF8);
        }
    }
}

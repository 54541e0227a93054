using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Model;
using Sip2.Net.Admin.Internal.Pages;
using Sip2.Net.Admin.Internal.Rendering;

namespace Sip2.Net.Admin.Internal.Screens;

/// <summary>The HTML screens: GET renders a page, POST takes a form (anti-forgery checked) and redirects, or shows the form again with its refusals.</summary>
internal static class AdminScreens
{
    public static void Map(IEndpointRouteBuilder site, AdminSite admin)
    {
        var screens = site.MapGroup("");
        screens.ExcludeFromDescription();
        screens.MapGet("", (HttpContext c) => Results.Redirect(admin.BasePath(c) + "/registrations"));
        screens.MapGet("admin.css", (HttpContext c) =>
        {
            c.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Stream(typeof(AdminScreens).Assembly.GetManifestResourceStream("Sip2.Net.Admin.admin.css")!, "text/css; charset=utf-8");
        });
        RegistrationScreens.Map(screens, admin);
        RegistrationAccessScreens.Map(screens, admin);
        BranchScreens.Map(screens, admin);
        DirectoryScreens.Map(screens, admin);
        ActivityScreens.Map(screens, admin);
    }

    public static PageChrome Chrome(HttpContext context, AdminSite site, string title, string section)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var status = site.Store.GetStatus();
        return new PageChrome(
            site.BasePath(context), site.Options.Title, title, section, site.Store.IsDurable, site.Handler is not null,
            context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null,
            site.Options.SignOutPath, tokens.FormFieldName, tokens.RequestToken ?? "", status.IsReachable ? null : status.Problem ?? "unreachable");
    }

    /// <summary>The posted form, or null when it carries no valid anti-forgery token (or is no form at all).</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false)
                ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false)
                : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The answer to a form without a valid anti-forgery token.</summary>
    public static Task<IResult> RejectedAsync(HttpContext context, AdminSite site) =>
        PageRenderer.RenderAsync<NoticePage, NoticeModel>(context, new NoticeModel
        {
            Chrome = Chrome(context, site, "Form refused", "registrations"),
            Heading = "This form was refused",
            Text = "It carried no valid anti-forgery token: it expired, or it was not sent from this site's own page. Go back, reload the page and try again. Nothing was changed.",
            BackLink = site.BasePath(context) + "/registrations",
        }, StatusCodes.Status400BadRequest);

    public static Task<IResult> MissingAsync(HttpContext context, AdminSite site, string what, string section, string back) =>
        PageRenderer.RenderAsync<NoticePage, NoticeModel>(context, new NoticeModel
        {
            Chrome = Chrome(context, site, "Not found", section),
            Heading = "Not found",
            Text = $"No {what} with this id exists (any more).",
            BackLink = site.BasePath(context) + "/" + back,
        }, StatusCodes.Status404NotFound);

    /// <summary>After a change, back to a list that says what happened (POST, then redirect, then GET).</summary>
    public static IResult Done(HttpContext context, AdminSite site, string relative, string notice) =>
        Results.Redirect($"{site.BasePath(context)}/{relative}{(relative.Contains('?', StringComparison.Ordinal) ? "&" : "?")}done={notice}");

    /// <summary>The sentence for a <c>done=</c> code; unknown codes show nothing, so a link cannot put words on the page.</summary>
    public static string? NoticeText(HttpContext context) => context.Request.Query["done"].ToString() switch
    {
        "created" => "Saved: the new record is stored.",
        "saved" => "Saved.",
        "deleted" => "Deleted.",
        "activated" => "Activated: the client is admitted again.",
        "deactivated" => "Deactivated: the client is admitted no more, and its live sessions were ended.",
        "login-reset" => "Login id changed. The password was reset: the registration cannot log in until you set a new password.",
        "login-changed" => "Login id and password changed.",
        "login-removed" => "Login id removed: the client is bound by its address alone.",
        "password-set" => "Password set.",
        "session-ended" => "Session ended.",
        "message-set" => "Custom message saved.",
        "message-cleared" => "Custom message removed: the default text applies again.",
        _ => null,
    };

    /// <summary>Puts a refusal next to its field (named as in the form and in JSON).</summary>
    public static void Show(AdminPage page, Sip2RegistryError error, string? field = null) =>
        page.Errors[field ?? AdminValues.FieldName(error.Field)] = error;

    public static int StatusOf(AdminPage page) =>
        page.StoreUnavailable ? StatusCodes.Status503ServiceUnavailable
        : page.Errors.Count > 0 || page.PageError is not null ? StatusCodes.Status400BadRequest
        : StatusCodes.Status200OK;

    public static string? Text(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;

    public static bool Checked(IFormCollection form, string name) => form.TryGetValue(name, out var value) && value.ToString() is "true" or "on";
}

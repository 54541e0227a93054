using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Api;
using Sip2.Net.Admin.Internal.Pages;
using Sip2.Net.Admin.Internal.Rendering;

namespace Sip2.Net.Admin.Internal.Screens;

/// <summary>Custom messages, connected devices and the audit trail.</summary>
internal static class ActivityScreens
{
    public static void Map(IEndpointRouteBuilder screens, AdminSite site)
    {
        screens.MapGet("messages", Task<IResult> (HttpContext c) => MessagesAsync(c, site, c.Request.Query["institution"].ToString(), null));
        screens.MapPost("messages/{institutionId}/{scenario}", (HttpContext c, string institutionId, string scenario) => SetMessageAsync(c, site, institutionId, scenario, clear: false));
        screens.MapPost("messages/{institutionId}/{scenario}/clear", (HttpContext c, string institutionId, string scenario) => SetMessageAsync(c, site, institutionId, scenario, clear: true));
        screens.MapGet("sessions", Task<IResult> (HttpContext c) => SessionsAsync(c, site, null));
        screens.MapPost("sessions/{connectionId}/end", (HttpContext c, string connectionId) => EndSessionAsync(c, site, connectionId));
        screens.MapGet("audit", Task<IResult> (HttpContext c) => AuditAsync(c, site));
    }

    private static async Task<IResult> MessagesAsync(HttpContext context, AdminSite site, string? institutionId, Action<MessagesModel>? refusals)
    {
        var institutions = await site.Store.ListInstitutionsAsync(context.RequestAborted).ConfigureAwait(false);
        var institution = institutions.FirstOrDefault(i => string.Equals(i.Id, institutionId, StringComparison.OrdinalIgnoreCase)) ?? (institutions.Count > 0 ? institutions[0] : null);
        var page = new MessagesModel
        {
            Chrome = AdminScreens.Chrome(context, site, "Custom messages", "messages"),
            Notice = AdminScreens.NoticeText(context),
            Institutions = institutions,
            Institution = institution,
            Messages = institution is null ? [] : await ActivityApi.MessagesAsync(site, institution.Id).ConfigureAwait(false),
        };
        refusals?.Invoke(page);
        return await PageRenderer.RenderAsync<MessagesPage, MessagesModel>(context, page, AdminScreens.StatusOf(page)).ConfigureAwait(false);
    }

    private static async Task<IResult> SetMessageAsync(HttpContext context, AdminSite site, string institutionId, string scenarioText, bool clear)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        if (!ActivityApi.TryParseScenario(scenarioText, out var scenario) || await site.Store.GetInstitutionAsync(institutionId).ConfigureAwait(false) is not { } institution)
        {
            return await AdminScreens.MissingAsync(context, site, "institution or scenario", "messages", "messages").ConfigureAwait(false);
        }

        var text = clear ? null : AdminScreens.Text(form, "text") ?? "";
        var field = "text-" + scenario;
        Sip2RegistryError? refused;
        try
        {
            // An empty text clears the override, as the Use the default button does.
            refused = await site.Store.SetMessageOverrideAsync(institution.Id, scenario, string.IsNullOrEmpty(text) ? null : text, site.Actor(context)).ConfigureAwait(false);
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            return await MessagesAsync(context, site, institution.Id, page => page.StoreUnavailable = true).ConfigureAwait(false);
        }

        return refused is null
            ? AdminScreens.Done(context, site, "messages?institution=" + Uri.EscapeDataString(institution.Id), string.IsNullOrEmpty(text) ? "message-cleared" : "message-set")
            : await MessagesAsync(context, site, institution.Id, page =>
            {
                AdminScreens.Show(page, refused, field);
                page.Typed[scenario.ToString()] = text ?? "";
            }).ConfigureAwait(false);
    }

    private static async Task<IResult> SessionsAsync(HttpContext context, AdminSite site, string? problem)
    {
        var registrations = await site.Store.ListAsync(context.RequestAborted).ConfigureAwait(false);
        var page = new SessionsModel
        {
            Chrome = AdminScreens.Chrome(context, site, "Connected devices", "sessions"),
            Notice = AdminScreens.NoticeText(context),
            PageError = problem,
            Sessions = site.Handler?.GetSessions(),
            Registrations = registrations.ToDictionary(r => r.Id),
        };
        return await PageRenderer.RenderAsync<SessionsPage, SessionsModel>(context, page, AdminScreens.StatusOf(page)).ConfigureAwait(false);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context, AdminSite site, string connectionId)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is null)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        return site.Handler?.EndSession(connectionId) == true
            ? AdminScreens.Done(context, site, "sessions", "session-ended")
            : await SessionsAsync(context, site, "That session is not connected any more.").ConfigureAwait(false);
    }

    private static async Task<IResult> AuditAsync(HttpContext context, AdminSite site)
    {
        long? before = long.TryParse(context.Request.Query["before"].ToString(), out var parsed) ? parsed : null;
        var size = Math.Clamp(site.Options.AuditPageSize, 1, 1000);
        var entries = await site.Store.ListAuditAsync(size, before, context.RequestAborted).ConfigureAwait(false);
        var page = new AuditModel
        {
            Chrome = AdminScreens.Chrome(context, site, "Audit trail", "audit"),
            Entries = entries,
            IsFirstPage = before is null,
            Next = entries.Count == size && entries[entries.Count - 1].Sequence > 1 ? entries[entries.Count - 1].Sequence : null,
        };
        return await PageRenderer.RenderAsync<Pages.AuditPage, AuditModel>(context, page).ConfigureAwait(false);
    }
}

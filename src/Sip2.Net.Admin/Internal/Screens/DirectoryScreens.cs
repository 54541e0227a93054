using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Api;
using Sip2.Net.Admin.Internal.Model;
using Sip2.Net.Admin.Internal.Pages;
using Sip2.Net.Admin.Internal.Rendering;
using Sip2.Net.Resolution;

namespace Sip2.Net.Admin.Internal.Screens;

/// <summary>Institutions and groups: what branch configurations and registrations name.</summary>
internal static class DirectoryScreens
{
    private const string Section = "institutions";

    public static void Map(IEndpointRouteBuilder screens, AdminSite site)
    {
        screens.MapGet("institutions", Task<IResult> (HttpContext c) => ListAsync(c, site));
        screens.MapGet("institutions/new", Task<IResult> (HttpContext c) => InstitutionFormAsync(c, site, true, new Sip2Institution { Id = "" }, null));
        screens.MapPost("institutions/new", Task<IResult> (HttpContext c) => SaveInstitutionAsync(c, site, null));
        screens.MapGet("institutions/{id}/edit", async (HttpContext c, string id) =>
            await site.Store.GetInstitutionAsync(id).ConfigureAwait(false) is { } i
                ? await InstitutionFormAsync(c, site, false, i, null).ConfigureAwait(false)
                : await AdminScreens.MissingAsync(c, site, "institution", Section, Section).ConfigureAwait(false));
        screens.MapPost("institutions/{id}/edit", (HttpContext c, string id) => SaveInstitutionAsync(c, site, id));
        screens.MapGet("institutions/{id}/delete", async (HttpContext c, string id) =>
            await site.Store.GetInstitutionAsync(id).ConfigureAwait(false) is { } i
                ? await ConfirmAsync(c, site, "institution", i.Id, i.Name, "institutions", null).ConfigureAwait(false)
                : await AdminScreens.MissingAsync(c, site, "institution", Section, Section).ConfigureAwait(false));
        screens.MapPost("institutions/{id}/delete", (HttpContext c, string id) => DeleteAsync(c, site, "institution", "institutions", id));

        screens.MapGet("groups/new", Task<IResult> (HttpContext c) => GroupFormAsync(c, site, true, new Sip2InstitutionGroup { Id = "" }, null));
        screens.MapPost("groups/new", Task<IResult> (HttpContext c) => SaveGroupAsync(c, site, null));
        screens.MapGet("groups/{id}/edit", async (HttpContext c, string id) =>
            await DirectoryApi.FindGroupAsync(site, id).ConfigureAwait(false) is { } g
                ? await GroupFormAsync(c, site, false, g, null).ConfigureAwait(false)
                : await AdminScreens.MissingAsync(c, site, "group", Section, Section).ConfigureAwait(false));
        screens.MapPost("groups/{id}/edit", (HttpContext c, string id) => SaveGroupAsync(c, site, id));
        screens.MapGet("groups/{id}/delete", async (HttpContext c, string id) =>
            await DirectoryApi.FindGroupAsync(site, id).ConfigureAwait(false) is { } g
                ? await ConfirmAsync(c, site, "group", g.Id, g.Name, "groups", null).ConfigureAwait(false)
                : await AdminScreens.MissingAsync(c, site, "group", Section, Section).ConfigureAwait(false));
        screens.MapPost("groups/{id}/delete", (HttpContext c, string id) => DeleteAsync(c, site, "group", "groups", id));
    }

    private static async Task<IResult> ListAsync(HttpContext context, AdminSite site)
    {
        var page = new DirectoryModel
        {
            Chrome = AdminScreens.Chrome(context, site, "Institutions and groups", Section),
            Notice = AdminScreens.NoticeText(context),
            Institutions = await site.Store.ListInstitutionsAsync(context.RequestAborted).ConfigureAwait(false),
            Groups = await site.Store.ListGroupsAsync(context.RequestAborted).ConfigureAwait(false),
        };
        return await PageRenderer.RenderAsync<DirectoryPage, DirectoryModel>(context, page).ConfigureAwait(false);
    }

    private static async Task<IResult> InstitutionFormAsync(HttpContext context, AdminSite site, bool isNew, Sip2Institution values, Action<AdminPage>? refusals)
    {
        var page = new InstitutionFormModel
        {
            Chrome = AdminScreens.Chrome(context, site, isNew ? "New institution" : $"Institution {values.Id}", Section),
            IsNew = isNew,
            Values = values,
            Groups = await site.Store.ListGroupsAsync(context.RequestAborted).ConfigureAwait(false),
        };
        refusals?.Invoke(page);
        return await PageRenderer.RenderAsync<InstitutionFormPage, InstitutionFormModel>(context, page, AdminScreens.StatusOf(page)).ConfigureAwait(false);
    }

    private static async Task<IResult> SaveInstitutionAsync(HttpContext context, AdminSite site, string? id)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        var existing = id is null ? null : await site.Store.GetInstitutionAsync(id).ConfigureAwait(false);
        if (id is not null && existing is null)
        {
            return await AdminScreens.MissingAsync(context, site, "institution", Section, Section).ConfigureAwait(false);
        }

        var institution = new Sip2Institution
        {
            Id = existing?.Id ?? AdminScreens.Text(form, "id")?.Trim() ?? "",
            Name = AdminValues.EmptyToNull(AdminScreens.Text(form, "name")),
            GroupId = AdminValues.EmptyToNull(AdminScreens.Text(form, "groupId")),
        };
        var error = existing is null && institution.Id.Length > 0 && await site.Store.GetInstitutionAsync(institution.Id).ConfigureAwait(false) is not null
            ? new Sip2RegistryError(Sip2RegistryRule.DuplicateId, "Id", $"Institution '{institution.Id}' exists already.")
            : null;
        if (error is null)
        {
            var (stored, refused) = await SaveAsync(() => site.Store.SaveInstitutionAsync(institution, site.Actor(context))).ConfigureAwait(false);
            if (stored)
            {
                return AdminScreens.Done(context, site, Section, existing is null ? "created" : "saved");
            }

            error = refused;
        }

        return await InstitutionFormAsync(context, site, existing is null, institution, p => Refuse(p, error)).ConfigureAwait(false);
    }

    private static async Task<IResult> GroupFormAsync(HttpContext context, AdminSite site, bool isNew, Sip2InstitutionGroup values, Action<AdminPage>? refusals)
    {
        var page = new GroupFormModel { Chrome = AdminScreens.Chrome(context, site, isNew ? "New group" : $"Group {values.Id}", Section), IsNew = isNew, Values = values };
        refusals?.Invoke(page);
        return await PageRenderer.RenderAsync<GroupFormPage, GroupFormModel>(context, page, AdminScreens.StatusOf(page)).ConfigureAwait(false);
    }

    private static async Task<IResult> SaveGroupAsync(HttpContext context, AdminSite site, string? id)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        var existing = id is null ? null : await DirectoryApi.FindGroupAsync(site, id).ConfigureAwait(false);
        if (id is not null && existing is null)
        {
            return await AdminScreens.MissingAsync(context, site, "group", Section, Section).ConfigureAwait(false);
        }

        var group = new Sip2InstitutionGroup { Id = existing?.Id ?? AdminScreens.Text(form, "id")?.Trim() ?? "", Name = AdminValues.EmptyToNull(AdminScreens.Text(form, "name")) };
        var error = existing is null && group.Id.Length > 0 && await DirectoryApi.FindGroupAsync(site, group.Id).ConfigureAwait(false) is not null
            ? new Sip2RegistryError(Sip2RegistryRule.DuplicateId, "Id", $"Group '{group.Id}' exists already.")
            : null;
        if (error is null)
        {
            var (stored, refused) = await SaveAsync(() => site.Store.SaveGroupAsync(group, site.Actor(context))).ConfigureAwait(false);
            if (stored)
            {
                return AdminScreens.Done(context, site, Section, existing is null ? "created" : "saved");
            }

            error = refused;
        }

        return await GroupFormAsync(context, site, existing is null, group, p => Refuse(p, error)).ConfigureAwait(false);
    }

    private static Task<IResult> ConfirmAsync(HttpContext context, AdminSite site, string what, string id, string? name, string route, Action<AdminPage>? refusals)
    {
        var page = new ConfirmModel
        {
            Chrome = AdminScreens.Chrome(context, site, $"Delete a{(what == "institution" ? "n" : "")} {what}", Section),
            Heading = $"Delete the {what} {id}?",
            Question = what == "institution"
                ? "Its custom messages are deleted with it. While branch configurations or registrations name it, the deletion is refused."
                : "While institutions belong to it, the deletion is refused.",
            Facts = [("Id", id), ("Name", name ?? "")],
            Action = site.BasePath(context) + $"/{route}/{Uri.EscapeDataString(id)}/delete",
            CancelLink = site.BasePath(context) + "/institutions",
            Button = "Delete",
        };
        refusals?.Invoke(page);
        return PageRenderer.RenderAsync<ConfirmPage, ConfirmModel>(context, page, AdminScreens.StatusOf(page));
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, AdminSite site, string what, string route, string id)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is null)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        var actor = site.Actor(context);
        var (stored, refused) = await SaveAsync(() => what == "group" ? site.Store.DeleteGroupAsync(id, actor) : site.Store.DeleteInstitutionAsync(id, actor)).ConfigureAwait(false);
        if (stored)
        {
            return AdminScreens.Done(context, site, Section, "deleted");
        }

        if (refused is { Rule: Sip2RegistryRule.NotFound })
        {
            return await AdminScreens.MissingAsync(context, site, what, Section, Section).ConfigureAwait(false);
        }

        return await ConfirmAsync(context, site, what, id, null, route, p => Refuse(p, refused, "id")).ConfigureAwait(false);
    }

    // A directory write: stored, or refused (the error), or the database unreachable (neither).
    private static async Task<(bool Stored, Sip2RegistryError? Refused)> SaveAsync(Func<ValueTask<Sip2RegistryError?>> write)
    {
        try
        {
            var error = await write().ConfigureAwait(false);
            return (error is null, error);
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            return (false, null);
        }
    }

    private static void Refuse(AdminPage page, Sip2RegistryError? error, string? field = null)
    {
        if (error is null)
        {
            page.StoreUnavailable = true;
        }
        else
        {
            AdminScreens.Show(page, error, field);
        }
    }
}

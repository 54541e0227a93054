using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Model;
using Sip2.Net.Admin.Internal.Pages;
using Sip2.Net.Admin.Internal.Rendering;

namespace Sip2.Net.Admin.Internal.Screens;

/// <summary>SIP2 Configuration: one per branch, the prerequisite for registering a client there.</summary>
internal static class BranchScreens
{
    private const string Section = "branches";

    public static void Map(IEndpointRouteBuilder screens, AdminSite site)
    {
        screens.MapGet("branches", Task<IResult> (HttpContext c) => ListAsync(c, site));
        screens.MapGet("branches/new", Task<IResult> (HttpContext c) => FormAsync(c, site, null, new Sip2BranchConfiguration { InstitutionId = "", BranchId = "" }, null));
        screens.MapPost("branches/new", Task<IResult> (HttpContext c) => SaveAsync(c, site, null));
        screens.MapGet("branches/{institutionId}/{branchId}/edit", async (HttpContext c, string institutionId, string branchId) =>
            await site.Store.GetBranchConfigurationAsync(institutionId, branchId).ConfigureAwait(false) is { } b
                ? await FormAsync(c, site, b, b, null).ConfigureAwait(false)
                : await AdminScreens.MissingAsync(c, site, "branch configuration", Section, Section).ConfigureAwait(false));
        screens.MapPost("branches/{institutionId}/{branchId}/edit", async (HttpContext c, string institutionId, string branchId) =>
            await site.Store.GetBranchConfigurationAsync(institutionId, branchId).ConfigureAwait(false) is { } b
                ? await SaveAsync(c, site, b).ConfigureAwait(false)
                : await AdminScreens.MissingAsync(c, site, "branch configuration", Section, Section).ConfigureAwait(false));
        screens.MapGet("branches/{institutionId}/{branchId}/delete", async (HttpContext c, string institutionId, string branchId) =>
            await site.Store.GetBranchConfigurationAsync(institutionId, branchId).ConfigureAwait(false) is { } b
                ? await ConfirmAsync(c, site, b, null).ConfigureAwait(false)
                : await AdminScreens.MissingAsync(c, site, "branch configuration", Section, Section).ConfigureAwait(false));
        screens.MapPost("branches/{institutionId}/{branchId}/delete", (HttpContext c, string institutionId, string branchId) => DeleteAsync(c, site, institutionId, branchId));
    }

    private static async Task<IResult> ListAsync(HttpContext context, AdminSite site)
    {
        var registrations = await site.Store.ListAsync(context.RequestAborted).ConfigureAwait(false);
        var page = new BranchesModel
        {
            Chrome = AdminScreens.Chrome(context, site, "SIP2 configuration", Section),
            Notice = AdminScreens.NoticeText(context),
            Branches = await site.Store.ListBranchConfigurationsAsync(context.RequestAborted).ConfigureAwait(false),
            RegistrationCounts = registrations.GroupBy(r => AdminValues.BranchKey(r.InstitutionId, r.BranchId).ToUpperInvariant()).ToDictionary(g => g.Key, g => g.Count()),
        };
        return await PageRenderer.RenderAsync<BranchesPage, BranchesModel>(context, page).ConfigureAwait(false);
    }

    private static async Task<IResult> FormAsync(HttpContext context, AdminSite site, Sip2BranchConfiguration? existing, Sip2BranchConfiguration values, IFormCollection? typed, Action<AdminPage>? refusals = null)
    {
        var page = new BranchFormModel
        {
            Chrome = AdminScreens.Chrome(context, site, existing is null ? "New SIP2 configuration" : $"SIP2 configuration of {existing.InstitutionId} / {existing.BranchId}", Section),
            Existing = existing,
            Values = values,
            TimeoutText = typed is null ? null : AdminScreens.Text(typed, "timeoutSeconds"),
            RetriesText = typed is null ? null : AdminScreens.Text(typed, "retriesAllowed"),
            Institutions = await site.Store.ListInstitutionsAsync(context.RequestAborted).ConfigureAwait(false),
        };
        refusals?.Invoke(page);
        return await PageRenderer.RenderAsync<BranchFormPage, BranchFormModel>(context, page, AdminScreens.StatusOf(page)).ConfigureAwait(false);
    }

    private static async Task<IResult> SaveAsync(HttpContext context, AdminSite site, Sip2BranchConfiguration? existing)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        var input = new BranchInput
        {
            InstitutionId = AdminScreens.Text(form, "institutionId")?.Trim(),
            BranchId = AdminScreens.Text(form, "branchId")?.Trim(),
            LibraryName = AdminScreens.Text(form, "libraryName") ?? "",
            TerminalLocation = AdminScreens.Text(form, "terminalLocation") ?? "",
            SupportedMessages = form["supportedMessages"].Where(v => v is not null).Select(v => v!).ToArray(),
            SendPersonalData = AdminScreens.Checked(form, "sendPersonalData"),
            UseSortBin = AdminScreens.Checked(form, "useSortBin"),
            AvailableHoldAllowed = AdminScreens.Checked(form, "availableHoldAllowed"),
            OnlineStatus = AdminScreens.Checked(form, "onlineStatus"),
            CheckinOk = AdminScreens.Checked(form, "checkinOk"),
            CheckoutOk = AdminScreens.Checked(form, "checkoutOk"),
            RenewalPolicy = AdminScreens.Checked(form, "renewalPolicy"),
            StatusUpdateOk = AdminScreens.Checked(form, "statusUpdateOk"),
            OfflineOk = AdminScreens.Checked(form, "offlineOk"),
        };
        Sip2RegistryError? invalid = null;
        if (int.TryParse(AdminScreens.Text(form, "timeoutSeconds"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var timeout))
        {
            input.TimeoutSeconds = timeout;
        }
        else
        {
            invalid = AdminValues.Invalid("TimeoutSeconds", "The timeout is a whole number of seconds.");
        }

        if (int.TryParse(AdminScreens.Text(form, "retriesAllowed"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var retries))
        {
            input.RetriesAllowed = retries;
        }
        else
        {
            invalid ??= AdminValues.Invalid("RetriesAllowed", "Retries are a whole number.");
        }

        Sip2BranchConfiguration? configuration = null;
        invalid ??= input.TryBuild(existing, out configuration);
        configuration ??= existing ?? new Sip2BranchConfiguration { InstitutionId = input.InstitutionId ?? "", BranchId = input.BranchId ?? "" };
        if (invalid is null && existing is null && await site.Store.GetBranchConfigurationAsync(configuration.InstitutionId, configuration.BranchId).ConfigureAwait(false) is not null)
        {
            invalid = new Sip2RegistryError(Sip2RegistryRule.DuplicateId, "BranchId", $"{configuration.InstitutionId}/{configuration.BranchId} already has a SIP2 configuration; edit it instead.");
        }

        if (invalid is not null)
        {
            return await FormAsync(context, site, existing, configuration, form, page => AdminScreens.Show(page, invalid)).ConfigureAwait(false);
        }

        Sip2RegistryError? refused = null;
        var unavailable = false;
        try
        {
            refused = await site.Store.SaveBranchConfigurationAsync(configuration, site.Actor(context)).ConfigureAwait(false);
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            unavailable = true;
        }

        return refused is null && !unavailable
            ? AdminScreens.Done(context, site, Section, existing is null ? "created" : "saved")
            : await FormAsync(context, site, existing, configuration, form, page =>
            {
                page.StoreUnavailable = unavailable;
                if (refused is not null)
                {
                    AdminScreens.Show(page, refused);
                }
            }).ConfigureAwait(false);
    }

    private static Task<IResult> ConfirmAsync(HttpContext context, AdminSite site, Sip2BranchConfiguration b, Action<AdminPage>? refusals)
    {
        var key = $"{Uri.EscapeDataString(b.InstitutionId)}/{Uri.EscapeDataString(b.BranchId)}";
        var page = new ConfirmModel
        {
            Chrome = AdminScreens.Chrome(context, site, "Delete a SIP2 configuration", Section),
            Heading = $"Delete the SIP2 configuration of {b.InstitutionId} / {b.BranchId}?",
            Question = "Clients can no longer be registered for this branch. While clients are registered here, the deletion is refused: move or delete them first.",
            Facts = [("Institution", b.InstitutionId), ("Branch", b.BranchId), ("Library name", b.LibraryName ?? "")],
            Action = site.BasePath(context) + $"/branches/{key}/delete",
            CancelLink = site.BasePath(context) + "/branches",
            Button = "Delete",
        };
        refusals?.Invoke(page);
        return PageRenderer.RenderAsync<ConfirmPage, ConfirmModel>(context, page, AdminScreens.StatusOf(page));
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, AdminSite site, string institutionId, string branchId)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is null)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        if (await site.Store.GetBranchConfigurationAsync(institutionId, branchId).ConfigureAwait(false) is not { } existing)
        {
            return await AdminScreens.MissingAsync(context, site, "branch configuration", Section, Section).ConfigureAwait(false);
        }

        try
        {
            return await site.Store.DeleteBranchConfigurationAsync(institutionId, branchId, site.Actor(context)).ConfigureAwait(false) is { } error
                ? await ConfirmAsync(context, site, existing, page => AdminScreens.Show(page, error, "id")).ConfigureAwait(false)
                : AdminScreens.Done(context, site, Section, "deleted");
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            return await ConfirmAsync(context, site, existing, page => page.StoreUnavailable = true).ConfigureAwait(false);
        }
    }
}

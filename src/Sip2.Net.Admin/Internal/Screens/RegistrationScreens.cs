using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Model;
using Sip2.Net.Admin.Internal.Pages;
using Sip2.Net.Admin.Internal.Rendering;

namespace Sip2.Net.Admin.Internal.Screens;

/// <summary>SIP2 IP addresses: the list, Create New, Edit and Delete.</summary>
internal static class RegistrationScreens
{
    private const string Section = "registrations";

    public static void Map(IEndpointRouteBuilder screens, AdminSite site)
    {
        screens.MapGet("registrations", Task<IResult> (HttpContext c) => ListAsync(c, site, null));
        screens.MapGet("registrations/new", async Task<IResult> (HttpContext c) => await FormAsync(c, site, null, new RegistrationInput()).ConfigureAwait(false));
        screens.MapPost("registrations/new", Task<IResult> (HttpContext c) => CreateAsync(c, site));
        screens.MapGet("registrations/{id:guid}/edit", async (HttpContext c, Guid id) =>
            await site.Store.GetAsync(id).ConfigureAwait(false) is { } r
                ? await FormAsync(c, site, r, Settings(r)).ConfigureAwait(false)
                : await AdminScreens.MissingAsync(c, site, "registration", Section, Section).ConfigureAwait(false));
        screens.MapPost("registrations/{id:guid}/edit", (HttpContext c, Guid id) => UpdateAsync(c, site, id));
        screens.MapGet("registrations/{id:guid}/delete", async (HttpContext c, Guid id) =>
            await site.Store.GetAsync(id).ConfigureAwait(false) is { } r
                ? await ConfirmDeleteAsync(c, site, r, null).ConfigureAwait(false)
                : await AdminScreens.MissingAsync(c, site, "registration", Section, Section).ConfigureAwait(false));
        screens.MapPost("registrations/{id:guid}/delete", (HttpContext c, Guid id) => DeleteAsync(c, site, id));
    }

    /// <summary>The list; <paramref name="problem"/> is a page shown again after a one-click action failed.</summary>
    public static async Task<IResult> ListAsync(HttpContext context, AdminSite site, Action<AdminPage>? problem)
    {
        var institution = context.Request.Query["institution"].ToString();
        var address = context.Request.Query["address"].ToString().Trim();
        var registrations = (await site.Store.ListAsync(context.RequestAborted).ConfigureAwait(false)).AsEnumerable();
        if (institution.Length > 0)
        {
            registrations = registrations.Where(r => string.Equals(r.InstitutionId, institution, StringComparison.OrdinalIgnoreCase));
        }

        if (address.Length > 0)
        {
            // A whole address matches exactly (after normalisation); anything else matches as the start of the address.
            registrations = IPAddress.TryParse(address, out var parsed)
                ? registrations.Where(r => r.IPAddress.Equals(Sip2RegistryRules.NormalizeAddress(parsed)))
                : registrations.Where(r => r.IPAddress.ToString().StartsWith(address, StringComparison.OrdinalIgnoreCase));
        }

        var page = new RegistrationsModel
        {
            Chrome = AdminScreens.Chrome(context, site, "SIP2 IP addresses", Section),
            Notice = AdminScreens.NoticeText(context),
            Registrations = registrations.OrderBy(r => r.IPAddress.GetAddressBytes().Length).ThenBy(r => r.IPAddress.GetAddressBytes(), ByteOrder.Instance)
                .ThenBy(r => r.LoginId, StringComparer.OrdinalIgnoreCase).ToArray(),
            LiveSessions = site.LiveSessionCounts(),
            Institutions = await site.Store.ListInstitutionsAsync(context.RequestAborted).ConfigureAwait(false),
            InstitutionFilter = institution,
            AddressFilter = address,
        };
        problem?.Invoke(page);
        return await PageRenderer.RenderAsync<RegistrationsPage, RegistrationsModel>(context, page, AdminScreens.StatusOf(page)).ConfigureAwait(false);
    }

    private static async Task<IResult> FormAsync(HttpContext context, AdminSite site, Sip2ClientRegistration? existing, RegistrationInput values, Action<AdminPage>? refusals = null)
    {
        var page = new RegistrationFormModel
        {
            Chrome = AdminScreens.Chrome(context, site, existing is null ? "New SIP2 IP address" : $"Edit {existing.IPAddress}", Section),
            Existing = existing,
            Values = values,
            Branches = await site.Store.ListBranchConfigurationsAsync(context.RequestAborted).ConfigureAwait(false),
            Vendors = AdminValues.VendorNames(site.Vendors),
        };
        refusals?.Invoke(page);
        return await PageRenderer.RenderAsync<RegistrationFormPage, RegistrationFormModel>(context, page, AdminScreens.StatusOf(page)).ConfigureAwait(false);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, AdminSite site)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        var input = Read(form);
        input.IpAddress = AdminScreens.Text(form, "ipAddress");
        input.LoginId = AdminScreens.Text(form, "loginId");
        input.Password = AdminScreens.Text(form, "password");
        input.Activated = AdminScreens.Checked(form, "activated");
        if (input.TryCreate(out var registration) is { } invalid)
        {
            return await FormAsync(context, site, null, Redisplay(input), page => AdminScreens.Show(page, invalid)).ConfigureAwait(false);
        }

        Sip2RegistryResult? result = null;
        try
        {
            result = await site.Store.CreateAsync(registration!, site.Actor(context)).ConfigureAwait(false);
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            // The result stays null: the form is shown again saying the database cannot be reached.
        }

        return result is { Succeeded: true }
            ? AdminScreens.Done(context, site, Section, "created")
            : await FormAsync(context, site, null, Redisplay(input), page =>
            {
                if (result is null)
                {
                    page.StoreUnavailable = true;
                }
                else
                {
                    AdminScreens.Show(page, result.Error!);
                }
            }).ConfigureAwait(false);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, AdminSite site, Guid id)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        if (await site.Store.GetAsync(id).ConfigureAwait(false) is not { } existing)
        {
            return await AdminScreens.MissingAsync(context, site, "registration", Section, Section).ConfigureAwait(false);
        }

        var input = Read(form);
        if (input.TryUpdate(existing, out var updated) is { } invalid)
        {
            return await FormAsync(context, site, existing, input, page => AdminScreens.Show(page, invalid)).ConfigureAwait(false);
        }

        Sip2RegistryResult? result = null;
        try
        {
            result = await site.Store.UpdateAsync(updated!, site.Actor(context)).ConfigureAwait(false);
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            // The result stays null: the form is shown again saying the database cannot be reached.
        }

        return result is { Succeeded: true }
            ? AdminScreens.Done(context, site, Section, "saved")
            : await FormAsync(context, site, existing, input, page =>
            {
                if (result is null)
                {
                    page.StoreUnavailable = true;
                }
                else
                {
                    AdminScreens.Show(page, result.Error!);
                }
            }).ConfigureAwait(false);
    }

    private static Task<IResult> ConfirmDeleteAsync(HttpContext context, AdminSite site, Sip2ClientRegistration r, Action<AdminPage>? refusals)
    {
        var page = new ConfirmModel
        {
            Chrome = AdminScreens.Chrome(context, site, "Delete a registration", Section),
            Heading = $"Delete the registration of {r.IPAddress}{(r.LoginId is null ? "" : " (" + r.LoginId + ")")}?",
            Question = "The client is refused from then on and its live sessions end at once. This cannot be undone: to admit it again, create a new registration.",
            Facts = [("IP address", r.IPAddress.ToString()), ("Login id", r.LoginId ?? "none"), ("Institution / branch", $"{r.InstitutionId} / {r.BranchId}"), ("Description", r.Description ?? "")],
            Action = site.BasePath(context) + $"/registrations/{r.Id}/delete",
            CancelLink = site.BasePath(context) + "/registrations",
            Button = "Delete",
        };
        refusals?.Invoke(page);
        return PageRenderer.RenderAsync<ConfirmPage, ConfirmModel>(context, page, AdminScreens.StatusOf(page));
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, AdminSite site, Guid id)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is null)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        if (await site.Store.GetAsync(id).ConfigureAwait(false) is not { } existing)
        {
            return await AdminScreens.MissingAsync(context, site, "registration", Section, Section).ConfigureAwait(false);
        }

        try
        {
            var result = await site.Store.DeleteAsync(id, site.Actor(context)).ConfigureAwait(false);
            return result.Succeeded
                ? AdminScreens.Done(context, site, Section, "deleted")
                : await ConfirmDeleteAsync(context, site, existing, page => AdminScreens.Show(page, result.Error)).ConfigureAwait(false);
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            return await ConfirmDeleteAsync(context, site, existing, page => page.StoreUnavailable = true).ConfigureAwait(false);
        }
    }

    // The settings every registration form posts (create and edit).
    private static RegistrationInput Read(IFormCollection form)
    {
        var input = new RegistrationInput
        {
            Description = AdminScreens.Text(form, "description") ?? "",
            Vendor = AdminScreens.Text(form, "vendor"),
            Encoding = AdminScreens.Text(form, "encoding"),
            ResolutionLevel = AdminScreens.Text(form, "resolutionLevel"),
        };
        if (AdminValues.TryParseBranchKey(AdminScreens.Text(form, "branch"), out var institution, out var branch))
        {
            input.InstitutionId = institution;
            input.BranchId = branch;
        }
        else
        {
            // No branch chosen: the store refuses the empty institution, next to the branch field.
            input.InstitutionId = "";
            input.BranchId = "";
        }

        return input;
    }

    private static RegistrationInput Settings(Sip2ClientRegistration r) => new()
    {
        Description = r.Description,
        InstitutionId = r.InstitutionId,
        BranchId = r.BranchId,
        Vendor = r.Vendor,
        Encoding = AdminValues.EncodingName(r.Encoding),
        ResolutionLevel = r.ResolutionLevel.ToString(),
    };

    // A refused form is shown again with what was typed, except the password, which is never sent back to the browser.
    private static RegistrationInput Redisplay(RegistrationInput input)
    {
        input.Password = null;
        return input;
    }

    private sealed class ByteOrder : System.Collections.Generic.IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
    }
}

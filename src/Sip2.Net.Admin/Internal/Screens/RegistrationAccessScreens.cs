using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Model;
using Sip2.Net.Admin.Internal.Pages;
using Sip2.Net.Admin.Internal.Probe;
using Sip2.Net.Admin.Internal.Rendering;

namespace Sip2.Net.Admin.Internal.Screens;

/// <summary>What decides whether a registration admits a client: activation, login id, password, and the Test button.</summary>
internal static class RegistrationAccessScreens
{
    private const string Section = "registrations";

    public static void Map(IEndpointRouteBuilder screens, AdminSite site)
    {
        screens.MapPost("registrations/{id:guid}/activate", (HttpContext c, Guid id) => ToggleAsync(c, site, id, activate: true));
        screens.MapPost("registrations/{id:guid}/deactivate", (HttpContext c, Guid id) => ToggleAsync(c, site, id, activate: false));
        screens.MapGet("registrations/{id:guid}/login", (HttpContext c, Guid id) => WithRegistrationAsync(c, site, id, r => LoginFormAsync(c, site, r, null, null)));
        screens.MapPost("registrations/{id:guid}/login", (HttpContext c, Guid id) => ChangeLoginAsync(c, site, id));
        screens.MapGet("registrations/{id:guid}/password", (HttpContext c, Guid id) => WithRegistrationAsync(c, site, id, r => PasswordFormAsync(c, site, r, null)));
        screens.MapPost("registrations/{id:guid}/password", (HttpContext c, Guid id) => SetPasswordAsync(c, site, id));
        screens.MapGet("registrations/{id:guid}/test", (HttpContext c, Guid id) => WithRegistrationAsync(c, site, id, r => TestFormAsync(c, site, r, null)));
        screens.MapPost("registrations/{id:guid}/test", (HttpContext c, Guid id) => TestAsync(c, site, id));
    }

    private static async Task<IResult> WithRegistrationAsync(HttpContext context, AdminSite site, Guid id, Func<Sip2ClientRegistration, Task<IResult>> show) =>
        await site.Store.GetAsync(id).ConfigureAwait(false) is { } registration
            ? await show(registration).ConfigureAwait(false)
            : await AdminScreens.MissingAsync(context, site, "registration", Section, Section).ConfigureAwait(false);

    private static async Task<IResult> ToggleAsync(HttpContext context, AdminSite site, Guid id, bool activate)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is null)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        try
        {
            var actor = site.Actor(context);
            var result = activate ? await site.Store.ActivateAsync(id, actor).ConfigureAwait(false) : await site.Store.DeactivateAsync(id, actor).ConfigureAwait(false);
            return result.Succeeded
                ? AdminScreens.Done(context, site, Section, activate ? "activated" : "deactivated")
                : await RegistrationScreens.ListAsync(context, site, page => page.PageError = $"{result.Error.Rule}: {result.Error.Message}").ConfigureAwait(false);
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            return await RegistrationScreens.ListAsync(context, site, page => page.StoreUnavailable = true).ConfigureAwait(false);
        }
    }

    private static Task<IResult> LoginFormAsync(HttpContext context, AdminSite site, Sip2ClientRegistration registration, string? typed, Action<AdminPage>? refusals)
    {
        var page = new LoginChangeModel { Chrome = AdminScreens.Chrome(context, site, $"Change the login id of {registration.IPAddress}", Section), Registration = registration, NewLoginId = typed };
        refusals?.Invoke(page);
        return PageRenderer.RenderAsync<LoginChangePage, LoginChangeModel>(context, page, AdminScreens.StatusOf(page));
    }

    private static async Task<IResult> ChangeLoginAsync(HttpContext context, AdminSite site, Guid id)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        if (await site.Store.GetAsync(id).ConfigureAwait(false) is not { } existing)
        {
            return await AdminScreens.MissingAsync(context, site, "registration", Section, Section).ConfigureAwait(false);
        }

        var loginId = AdminValues.EmptyToNull(AdminScreens.Text(form, "loginId")?.Trim());
        var password = AdminScreens.Text(form, "password");
        try
        {
            var hash = string.IsNullOrEmpty(password) ? null : Sip2PasswordHash.Create(password);
            var result = await site.Store.ChangeLoginIdAsync(id, loginId, hash, site.Actor(context)).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return await LoginFormAsync(context, site, existing, loginId ?? "", page => AdminScreens.Show(page, result.Error)).ConfigureAwait(false);
            }

            var done = result.Registration.LoginId is null ? "login-removed"
                : result.Registration.PasswordHash is null ? "login-reset"
                : hash is not null ? "login-changed"
                : "saved";
            return AdminScreens.Done(context, site, Section, done);
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            return await LoginFormAsync(context, site, existing, loginId ?? "", page => page.StoreUnavailable = true).ConfigureAwait(false);
        }
    }

    private static Task<IResult> PasswordFormAsync(HttpContext context, AdminSite site, Sip2ClientRegistration registration, Action<AdminPage>? refusals)
    {
        var page = new PasswordModel { Chrome = AdminScreens.Chrome(context, site, $"Set the password of {registration.IPAddress}", Section), Registration = registration };
        refusals?.Invoke(page);
        return PageRenderer.RenderAsync<PasswordPage, PasswordModel>(context, page, AdminScreens.StatusOf(page));
    }

    private static async Task<IResult> SetPasswordAsync(HttpContext context, AdminSite site, Guid id)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        if (await site.Store.GetAsync(id).ConfigureAwait(false) is not { } existing)
        {
            return await AdminScreens.MissingAsync(context, site, "registration", Section, Section).ConfigureAwait(false);
        }

        var password = AdminScreens.Text(form, "password");
        if (string.IsNullOrEmpty(password))
        {
            return await PasswordFormAsync(context, site, existing, page => AdminScreens.Show(page, AdminValues.Invalid("PasswordHash", "Type the new password; an empty password is never valid."))).ConfigureAwait(false);
        }

        try
        {
            var result = await site.Store.SetPasswordAsync(id, Sip2PasswordHash.Create(password), site.Actor(context)).ConfigureAwait(false);
            return result.Succeeded
                ? AdminScreens.Done(context, site, Section, "password-set")
                : await PasswordFormAsync(context, site, existing, page => AdminScreens.Show(page, result.Error)).ConfigureAwait(false);
        }
        catch (Sip2RegistryStoreUnavailableException)
        {
            return await PasswordFormAsync(context, site, existing, page => page.StoreUnavailable = true).ConfigureAwait(false);
        }
    }

    private static Task<IResult> TestFormAsync(HttpContext context, AdminSite site, Sip2ClientRegistration registration, TestExchange? exchange) =>
        PageRenderer.RenderAsync<TestPage, TestModel>(context, new TestModel
        {
            Chrome = AdminScreens.Chrome(context, site, $"Test {registration.IPAddress}", Section),
            Registration = registration,
            Exchange = exchange,
        });

    private static async Task<IResult> TestAsync(HttpContext context, AdminSite site, Guid id)
    {
        if (await AdminScreens.ReadFormAsync(context).ConfigureAwait(false) is not { } form)
        {
            return await AdminScreens.RejectedAsync(context, site).ConfigureAwait(false);
        }

        if (await site.Store.GetAsync(id).ConfigureAwait(false) is not { } registration)
        {
            return await AdminScreens.MissingAsync(context, site, "registration", Section, Section).ConfigureAwait(false);
        }

        if (site.Handler is not { } handler)
        {
            return await TestFormAsync(context, site, registration, null).ConfigureAwait(false);
        }

        var exchange = await Sip2TestRunner.RunAsync(handler, registration, AdminScreens.Text(form, "password"), site.Options.TestTimeout, site.Time, context.RequestAborted).ConfigureAwait(false);
        return await TestFormAsync(context, site, registration, exchange).ConfigureAwait(false);
    }
}

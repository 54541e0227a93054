using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Model;
using Sip2.Net.Admin.Internal.Probe;

namespace Sip2.Net.Admin.Internal.Api;

/// <summary><c>api/registrations</c>: the SIP2 IP address records.</summary>
internal static class RegistrationsApi
{
    public static void Map(IEndpointRouteBuilder api, AdminSite site)
    {
        var registrations = api.MapGroup("").WithTags("Registrations");
        registrations.MapGet("registrations", Task<IResult> (HttpContext c) => ListAsync(c, site))
            .Produces<RegistrationView[]>().WithSummary("Lists the registrations; filter with ?institutionId= and ?ipAddress=.");
        registrations.MapPost("registrations", Task<IResult> (HttpContext c) => CreateAsync(c, site))
            .Accepts<RegistrationInput>("application/json").Produces<RegistrationView>(201).ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Registers a client: ipAddress, loginId, password (write-only), description, institutionId, branchId, vendor, encoding, resolutionLevel, activated.");
        registrations.MapGet("registrations/{id:guid}", async (Guid id) =>
                await site.Store.GetAsync(id).ConfigureAwait(false) is { } r ? ApiResults.Ok(RegistrationView.From(r, site.LiveSessionCounts())) : NotFound())
            .Produces<RegistrationView>().ProducesProblem(404).WithSummary("One registration.");
        registrations.MapPut("registrations/{id:guid}", (HttpContext c, Guid id) => UpdateAsync(c, site, id))
            .Accepts<RegistrationInput>("application/json").Produces<RegistrationView>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Changes a registration's settings (description, institutionId, branchId, vendor, encoding, resolutionLevel); absent ones are kept. The address never changes; login id, password and activation have their own routes.");
        registrations.MapDelete("registrations/{id:guid}", (HttpContext c, Guid id) => ApiResults.WriteAsync(async () =>
                Answer(await site.Store.DeleteAsync(id, site.Actor(c)).ConfigureAwait(false), site, deleted: true)))
            .Produces(204).ProducesProblem(404).WithSummary("Deletes a registration; its live sessions end.");
        registrations.MapPost("registrations/{id:guid}/activate", (HttpContext c, Guid id) => ApiResults.WriteAsync(async () =>
                Answer(await site.Store.ActivateAsync(id, site.Actor(c)).ConfigureAwait(false), site)))
            .Produces<RegistrationView>().ProducesProblem(404).WithSummary("Activates a registration.");
        registrations.MapPost("registrations/{id:guid}/deactivate", (HttpContext c, Guid id) => ApiResults.WriteAsync(async () =>
                Answer(await site.Store.DeactivateAsync(id, site.Actor(c)).ConfigureAwait(false), site)))
            .Produces<RegistrationView>().ProducesProblem(404).WithSummary("Deactivates a registration: it admits nothing and its live sessions end.");
        registrations.MapPut("registrations/{id:guid}/login", (HttpContext c, Guid id) => ChangeLoginAsync(c, site, id))
            .Accepts<LoginChangeInput>("application/json").Produces<RegistrationView>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Sets, changes or (with null or empty) removes the login id. A new login id clears the password unless a new password comes with it.");
        registrations.MapPut("registrations/{id:guid}/password", (HttpContext c, Guid id) => SetPasswordAsync(c, site, id))
            .Accepts<PasswordInput>("application/json").Produces<RegistrationView>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Sets the password of a registration that has a login id.");
        registrations.MapPost("registrations/{id:guid}/test", (HttpContext c, Guid id) => TestAsync(c, site, id))
            .Accepts<PasswordInput>("application/json").Produces<TestView>().ProducesProblem(404).ProducesProblem(501)
            .WithSummary("Runs a Login (93, with the password given) and an SC Status (99) from the registration's address through this process's SIP2 server.");
    }

    private static async Task<IResult> ListAsync(HttpContext context, AdminSite site)
    {
        var query = context.Request.Query;
        var registrations = await site.Store.ListAsync(context.RequestAborted).ConfigureAwait(false);
        if (query["institutionId"].ToString() is { Length: > 0 } institution)
        {
            registrations = registrations.Where(r => string.Equals(r.InstitutionId, institution, StringComparison.OrdinalIgnoreCase)).ToArray();
        }

        if (query["ipAddress"].ToString() is { Length: > 0 } address)
        {
            if (!IPAddress.TryParse(address, out var parsed))
            {
                return ApiResults.Refused(new Sip2RegistryError(Sip2RegistryRule.InvalidIPAddress, "IPAddress", $"'{address}' is not an IPv4 or IPv6 address."));
            }

            var normalized = Sip2RegistryRules.NormalizeAddress(parsed);
            registrations = registrations.Where(r => r.IPAddress.Equals(normalized)).ToArray();
        }

        var live = site.LiveSessionCounts();
        return ApiResults.Ok(registrations.OrderBy(r => r.IPAddress.ToString(), StringComparer.Ordinal).ThenBy(r => r.LoginId, StringComparer.OrdinalIgnoreCase)
            .Select(r => RegistrationView.From(r, live)).ToArray());
    }

    private static async Task<IResult> CreateAsync(HttpContext context, AdminSite site)
    {
        var (input, problem) = await ApiResults.ReadAsync<RegistrationInput>(context.Request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (input!.TryCreate(out var registration) is { } invalid)
        {
            return ApiResults.Refused(invalid);
        }

        return await ApiResults.WriteAsync(async () =>
        {
            var result = await site.Store.CreateAsync(registration!, site.Actor(context)).ConfigureAwait(false);
            return result.Succeeded
                ? ApiResults.Created($"{site.BasePath(context)}/api/registrations/{result.Registration.Id}", RegistrationView.From(result.Registration, site.LiveSessionCounts()))
                : ApiResults.Refused(result.Error);
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, AdminSite site, Guid id)
    {
        var (input, problem) = await ApiResults.ReadAsync<RegistrationInput>(context.Request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (await site.Store.GetAsync(id).ConfigureAwait(false) is not { } existing)
        {
            return NotFound();
        }

        if (input!.TryUpdate(existing, out var updated) is { } invalid)
        {
            return ApiResults.Refused(invalid);
        }

        return await ApiResults.WriteAsync(async () => Answer(await site.Store.UpdateAsync(updated!, site.Actor(context)).ConfigureAwait(false), site)).ConfigureAwait(false);
    }

    private static async Task<IResult> ChangeLoginAsync(HttpContext context, AdminSite site, Guid id)
    {
        var (input, problem) = await ApiResults.ReadAsync<LoginChangeInput>(context.Request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var hash = string.IsNullOrEmpty(input!.Password) ? null : Sip2PasswordHash.Create(input.Password);
        return await ApiResults.WriteAsync(async () =>
            Answer(await site.Store.ChangeLoginIdAsync(id, AdminValues.EmptyToNull(input.LoginId), hash, site.Actor(context)).ConfigureAwait(false), site)).ConfigureAwait(false);
    }

    private static async Task<IResult> SetPasswordAsync(HttpContext context, AdminSite site, Guid id)
    {
        var (input, problem) = await ApiResults.ReadAsync<PasswordInput>(context.Request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(input!.Password))
        {
            return ApiResults.Refused(AdminValues.Invalid("PasswordHash", "Give the new password; an empty password is never valid."));
        }

        var hash = Sip2PasswordHash.Create(input.Password);
        return await ApiResults.WriteAsync(async () => Answer(await site.Store.SetPasswordAsync(id, hash, site.Actor(context)).ConfigureAwait(false), site)).ConfigureAwait(false);
    }

    private static async Task<IResult> TestAsync(HttpContext context, AdminSite site, Guid id)
    {
        var password = (string?)null;
        if (context.Request.ContentLength is > 0 || context.Request.HasJsonContentType())
        {
            var (input, problem) = await ApiResults.ReadAsync<PasswordInput>(context.Request).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            password = input!.Password;
        }

        if (site.Handler is not { } handler)
        {
            return ApiResults.NoServer();
        }

        if (await site.Store.GetAsync(id).ConfigureAwait(false) is not { } registration)
        {
            return NotFound();
        }

        var exchange = await Sip2TestRunner.RunAsync(handler, registration, password, site.Options.TestTimeout, site.Time, context.RequestAborted).ConfigureAwait(false);
        return ApiResults.Ok(new TestView(exchange.Succeeded, exchange.Admitted, exchange.LoginAccepted, exchange.StatusAnswered, exchange.Summary,
            exchange.Lines.Select(l => l.Direction + " " + l.Wire).ToArray()));
    }

    private static IResult Answer(Sip2RegistryResult result, AdminSite site, bool deleted = false) =>
        !result.Succeeded ? ApiResults.Refused(result.Error)
        : deleted ? Results.NoContent()
        : ApiResults.Ok(RegistrationView.From(result.Registration, site.LiveSessionCounts()));

    private static IResult NotFound() => ApiResults.NotFound("Id", "No registration has this id.");
}

using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sip2.Net.Access;
using Sip2.Net.Admin.Internal.Model;
using Sip2.Net.Resolution;

namespace Sip2.Net.Admin.Internal.Api;

/// <summary><c>api/branches</c>, <c>api/institutions</c> and <c>api/groups</c>: what registrations are checked against.</summary>
internal static class DirectoryApi
{
    public static void Map(IEndpointRouteBuilder api, AdminSite site)
    {
        var branches = api.MapGroup("").WithTags("Branches");
        var institutions = api.MapGroup("").WithTags("Institutions");
        var groups = api.MapGroup("").WithTags("Groups");
        branches.MapGet("branches", async () => ApiResults.Ok((await site.Store.ListBranchConfigurationsAsync().ConfigureAwait(false)).Select(BranchView.From).ToArray()))
            .Produces<BranchView[]>().WithSummary("Lists the branches' SIP2 configurations.");
        branches.MapPost("branches", Task<IResult> (HttpContext c) => SaveBranchAsync(c, site, null, null))
            .Accepts<BranchInput>("application/json").Produces<BranchView>(201).ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Adds a branch's SIP2 configuration (the prerequisite for registering clients there).");
        branches.MapGet("branches/{institutionId}/{branchId}", async (string institutionId, string branchId) =>
                await site.Store.GetBranchConfigurationAsync(institutionId, branchId).ConfigureAwait(false) is { } b ? ApiResults.Ok(BranchView.From(b)) : BranchNotFound())
            .Produces<BranchView>().ProducesProblem(404).WithSummary("One branch's SIP2 configuration.");
        branches.MapPut("branches/{institutionId}/{branchId}", (HttpContext c, string institutionId, string branchId) => SaveBranchAsync(c, site, institutionId, branchId))
            .Accepts<BranchInput>("application/json").Produces<BranchView>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Changes a branch's SIP2 configuration; absent values are kept. Bound sessions keep the one they were bound with.");
        branches.MapDelete("branches/{institutionId}/{branchId}", (HttpContext c, string institutionId, string branchId) => ApiResults.WriteAsync(async () =>
                NoContentOr(await site.Store.DeleteBranchConfigurationAsync(institutionId, branchId, site.Actor(c)).ConfigureAwait(false))))
            .Produces(204).ProducesProblem(404).ProducesProblem(409).WithSummary("Deletes a branch's SIP2 configuration; refused while clients are registered there.");

        institutions.MapGet("institutions", async () => ApiResults.Ok((await site.Store.ListInstitutionsAsync().ConfigureAwait(false)).Select(InstitutionView.From).ToArray()))
            .Produces<InstitutionView[]>().WithSummary("Lists the institutions.");
        institutions.MapPost("institutions", Task<IResult> (HttpContext c) => SaveInstitutionAsync(c, site, null))
            .Accepts<InstitutionView>("application/json").Produces<InstitutionView>(201).ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Adds an institution (id, name, groupId).");
        institutions.MapGet("institutions/{institutionId}", async (string institutionId) =>
                await site.Store.GetInstitutionAsync(institutionId).ConfigureAwait(false) is { } i ? ApiResults.Ok(InstitutionView.From(i)) : InstitutionNotFound(institutionId))
            .Produces<InstitutionView>().ProducesProblem(404).WithSummary("One institution.");
        institutions.MapPut("institutions/{institutionId}", (HttpContext c, string institutionId) => SaveInstitutionAsync(c, site, institutionId))
            .Accepts<InstitutionView>("application/json").Produces<InstitutionView>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Changes an institution's name or group.");
        institutions.MapDelete("institutions/{institutionId}", (HttpContext c, string institutionId) => ApiResults.WriteAsync(async () =>
                NoContentOr(await site.Store.DeleteInstitutionAsync(institutionId, site.Actor(c)).ConfigureAwait(false))))
            .Produces(204).ProducesProblem(404).ProducesProblem(409).WithSummary("Deletes an institution; refused while branches or registrations name it.");

        groups.MapGet("groups", async () => ApiResults.Ok((await site.Store.ListGroupsAsync().ConfigureAwait(false)).Select(GroupView.From).ToArray()))
            .Produces<GroupView[]>().WithSummary("Lists the groups of institutions.");
        groups.MapPost("groups", Task<IResult> (HttpContext c) => SaveGroupAsync(c, site, null))
            .Accepts<GroupView>("application/json").Produces<GroupView>(201).ProducesProblem(400).ProducesProblem(409)
            .WithSummary("Adds a group (id, name).");
        groups.MapGet("groups/{groupId}", async (string groupId) =>
                await FindGroupAsync(site, groupId).ConfigureAwait(false) is { } g ? ApiResults.Ok(GroupView.From(g)) : GroupNotFound(groupId))
            .Produces<GroupView>().ProducesProblem(404).WithSummary("One group.");
        groups.MapPut("groups/{groupId}", (HttpContext c, string groupId) => SaveGroupAsync(c, site, groupId))
            .Accepts<GroupView>("application/json").Produces<GroupView>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Changes a group's name.");
        groups.MapDelete("groups/{groupId}", (HttpContext c, string groupId) => ApiResults.WriteAsync(async () =>
                NoContentOr(await site.Store.DeleteGroupAsync(groupId, site.Actor(c)).ConfigureAwait(false))))
            .Produces(204).ProducesProblem(404).ProducesProblem(409).WithSummary("Deletes a group; refused while institutions belong to it.");
    }

    // POST (institutionId null) adds and refuses an existing one; PUT changes an existing one, keeping absent values.
    private static async Task<IResult> SaveBranchAsync(HttpContext context, AdminSite site, string? institutionId, string? branchId)
    {
        var (input, problem) = await ApiResults.ReadAsync<BranchInput>(context.Request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        Sip2BranchConfiguration? basis = null;
        if (institutionId is not null)
        {
            basis = await site.Store.GetBranchConfigurationAsync(institutionId, branchId!).ConfigureAwait(false);
            if (basis is null)
            {
                return BranchNotFound();
            }
        }
        else if (input!.InstitutionId is { } i && input.BranchId is { } b && await site.Store.GetBranchConfigurationAsync(i, b).ConfigureAwait(false) is not null)
        {
            return ApiResults.Refused(new Sip2RegistryError(Sip2RegistryRule.DuplicateId, "BranchId", $"{i}/{b} already has a SIP2 configuration; change it with PUT."));
        }

        if (input!.TryBuild(basis, out var configuration) is { } invalid)
        {
            return ApiResults.Refused(invalid);
        }

        return await ApiResults.WriteAsync(async () =>
        {
            if (await site.Store.SaveBranchConfigurationAsync(configuration!, site.Actor(context)).ConfigureAwait(false) is { } error)
            {
                return ApiResults.Refused(error);
            }

            var view = BranchView.From(configuration!);
            return basis is null
                ? ApiResults.Created($"{site.BasePath(context)}/api/branches/{Uri.EscapeDataString(view.InstitutionId)}/{Uri.EscapeDataString(view.BranchId)}", view)
                : ApiResults.Ok(view);
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> SaveInstitutionAsync(HttpContext context, AdminSite site, string? institutionId)
    {
        var (input, problem) = await ApiResults.ReadAsync<InstitutionView>(context.Request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var existing = await site.Store.GetInstitutionAsync(institutionId ?? input!.Id ?? "").ConfigureAwait(false);
        if (institutionId is not null && existing is null)
        {
            return InstitutionNotFound(institutionId);
        }

        if (institutionId is null && existing is not null)
        {
            return ApiResults.Refused(new Sip2RegistryError(Sip2RegistryRule.DuplicateId, "Id", $"Institution '{existing.Id}' exists; change it with PUT."));
        }

        var institution = new Sip2Institution
        {
            Id = existing?.Id ?? input!.Id ?? "",
            Name = input!.Name is null ? existing?.Name : AdminValues.EmptyToNull(input.Name),
            GroupId = input.GroupId is null ? existing?.GroupId : AdminValues.EmptyToNull(input.GroupId),
        };
        return await ApiResults.WriteAsync(async () =>
            await site.Store.SaveInstitutionAsync(institution, site.Actor(context)).ConfigureAwait(false) is { } error ? ApiResults.Refused(error)
            : existing is null ? ApiResults.Created($"{site.BasePath(context)}/api/institutions/{Uri.EscapeDataString(institution.Id)}", InstitutionView.From(institution))
            : ApiResults.Ok(InstitutionView.From(institution))).ConfigureAwait(false);
    }

    private static async Task<IResult> SaveGroupAsync(HttpContext context, AdminSite site, string? groupId)
    {
        var (input, problem) = await ApiResults.ReadAsync<GroupView>(context.Request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var existing = await FindGroupAsync(site, groupId ?? input!.Id ?? "").ConfigureAwait(false);
        if (groupId is not null && existing is null)
        {
            return GroupNotFound(groupId);
        }

        if (groupId is null && existing is not null)
        {
            return ApiResults.Refused(new Sip2RegistryError(Sip2RegistryRule.DuplicateId, "Id", $"Group '{existing.Id}' exists; change it with PUT."));
        }

        var group = new Sip2InstitutionGroup { Id = existing?.Id ?? input!.Id ?? "", Name = input!.Name is null ? existing?.Name : AdminValues.EmptyToNull(input.Name) };
        return await ApiResults.WriteAsync(async () =>
            await site.Store.SaveGroupAsync(group, site.Actor(context)).ConfigureAwait(false) is { } error ? ApiResults.Refused(error)
            : existing is null ? ApiResults.Created($"{site.BasePath(context)}/api/groups/{Uri.EscapeDataString(group.Id)}", GroupView.From(group))
            : ApiResults.Ok(GroupView.From(group))).ConfigureAwait(false);
    }

    public static async Task<Sip2InstitutionGroup?> FindGroupAsync(AdminSite site, string groupId) =>
        (await site.Store.ListGroupsAsync().ConfigureAwait(false)).FirstOrDefault(g => string.Equals(g.Id, groupId, StringComparison.OrdinalIgnoreCase));

    private static IResult NoContentOr(Sip2RegistryError? error) => error is null ? Results.NoContent() : ApiResults.Refused(error);

    private static IResult BranchNotFound() => ApiResults.NotFound("BranchId", "That branch has no SIP2 configuration.");

    private static IResult InstitutionNotFound(string id) => ApiResults.NotFound("Id", $"No institution is named '{id}'.");

    private static IResult GroupNotFound(string id) => ApiResults.NotFound("Id", $"No group is named '{id}'.");
}

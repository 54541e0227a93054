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

/// <summary><c>api/messages</c>, <c>api/sessions</c>, <c>api/audit</c> and <c>api/status</c>.</summary>
internal static class ActivityApi
{
    public static void Map(IEndpointRouteBuilder api, AdminSite site)
    {
        var messages = api.MapGroup("").WithTags("Messages");
        var sessions = api.MapGroup("").WithTags("Sessions");
        var audit = api.MapGroup("").WithTags("Audit");
        var status = api.MapGroup("").WithTags("Status");
        messages.MapGet("messages/{institutionId}", async (string institutionId) =>
                await site.Store.GetInstitutionAsync(institutionId).ConfigureAwait(false) is { } institution
                    ? ApiResults.Ok(await MessagesAsync(site, institution.Id).ConfigureAwait(false))
                    : ApiResults.NotFound("InstitutionId", $"No institution is named '{institutionId}'."))
            .Produces<MessageView[]>().ProducesProblem(404).WithSummary("Every scenario's screen message for an institution: default, override, and the text kiosks get.");
        messages.MapGet("messages/{institutionId}/{scenario}", async (string institutionId, string scenario) =>
            {
                if (await site.Store.GetInstitutionAsync(institutionId).ConfigureAwait(false) is not { } institution)
                {
                    return ApiResults.NotFound("InstitutionId", $"No institution is named '{institutionId}'.");
                }

                return TryParseScenario(scenario, out var parsed)
                    ? ApiResults.Ok((await MessagesAsync(site, institution.Id).ConfigureAwait(false)).Single(m => m.Scenario == parsed.ToString()))
                    : ScenarioNotFound(scenario);
            })
            .Produces<MessageView>().ProducesProblem(404).WithSummary("One scenario's screen message for an institution.");
        messages.MapPut("messages/{institutionId}/{scenario}", (HttpContext c, string institutionId, string scenario) => SetMessageAsync(c, site, institutionId, scenario, clear: false))
            .Accepts<MessageInput>("application/json").Produces<MessageView>().ProducesProblem(400).ProducesProblem(404)
            .WithSummary("Sets the institution's own text for a scenario (1 to 255 characters, no | or control characters).");
        messages.MapDelete("messages/{institutionId}/{scenario}", (HttpContext c, string institutionId, string scenario) => SetMessageAsync(c, site, institutionId, scenario, clear: true))
            .Produces<MessageView>().ProducesProblem(404).WithSummary("Removes the institution's own text: the default applies again.");

        sessions.MapGet("sessions", () => site.Handler is { } handler
                ? ApiResults.Ok(handler.GetSessions().Select(SessionView.From).ToArray())
                : ApiResults.NoServer())
            .Produces<SessionView[]>().ProducesProblem(501).WithSummary("The live SIP2 connections of this process, oldest first.");
        sessions.MapDelete("sessions/{connectionId}", (string connectionId) =>
                site.Handler is not { } handler ? ApiResults.NoServer()
                : handler.EndSession(connectionId) ? Results.NoContent()
                : ApiResults.NotFound("ConnectionId", "No live connection has this id."))
            .Produces(204).ProducesProblem(404).ProducesProblem(501).WithSummary("Ends a live connection at once.");

        audit.MapGet("audit", Task<IResult> (HttpContext c) => AuditAsync(c, site))
            .Produces<AuditPage>().ProducesProblem(400).WithSummary("The audit trail, newest first: ?limit= (1 to 1,000, default 100) and ?before= (a sequence, to page back).");
        status.MapGet("status", () =>
            {
                var status = site.Store.GetStatus();
                return ApiResults.Ok(new StatusView(site.Store.IsDurable, status.IsReachable, status.SynchronizedAt, status.Problem, site.Handler is not null));
            })
            .Produces<StatusView>().WithSummary("Whether the store keeps changes across restarts and is reachable, and whether live sessions are available.");
    }

    public static async Task<MessageView[]> MessagesAsync(AdminSite site, string institutionId)
    {
        var overrides = await site.Store.ListMessageOverridesAsync(institutionId).ConfigureAwait(false);
        return Sip2MessageCatalog.Scenarios.OrderBy(s => (int)s).Select(s =>
        {
            var custom = overrides.FirstOrDefault(o => o.Scenario == s)?.Text;
            var defaultText = Sip2MessageCatalog.GetDefaultText(s);
            return new MessageView(s.ToString(), defaultText, custom, custom is not null, custom ?? defaultText);
        }).ToArray();
    }

    public static bool TryParseScenario(string? text, out Sip2MessageScenario scenario) =>
        Enum.TryParse(text, ignoreCase: true, out scenario) && !int.TryParse(text, out _) && Sip2MessageCatalog.Scenarios.Contains(scenario);

    private static async Task<IResult> SetMessageAsync(HttpContext context, AdminSite site, string institutionId, string scenarioText, bool clear)
    {
        string? text = null;
        if (!clear)
        {
            var (input, problem) = await ApiResults.ReadAsync<MessageInput>(context.Request).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            text = input!.Text ?? "";
        }

        if (!TryParseScenario(scenarioText, out var scenario))
        {
            return ScenarioNotFound(scenarioText);
        }

        if (await site.Store.GetInstitutionAsync(institutionId).ConfigureAwait(false) is not { } institution)
        {
            return ApiResults.NotFound("InstitutionId", $"No institution is named '{institutionId}'.");
        }

        return await ApiResults.WriteAsync(async () =>
            await site.Store.SetMessageOverrideAsync(institution.Id, scenario, text, site.Actor(context)).ConfigureAwait(false) is { } error
                ? ApiResults.Refused(error)
                : ApiResults.Ok((await MessagesAsync(site, institution.Id).ConfigureAwait(false)).Single(m => m.Scenario == scenario.ToString()))).ConfigureAwait(false);
    }

    private static async Task<IResult> AuditAsync(HttpContext context, AdminSite site)
    {
        var query = context.Request.Query;
        var limit = 100;
        if (query["limit"].ToString() is { Length: > 0 } limitText && (!int.TryParse(limitText, out limit) || limit is < 1 or > 1000))
        {
            return ApiResults.Refused(AdminValues.Invalid("limit", "limit is a whole number from 1 to 1,000."));
        }

        long? before = null;
        if (query["before"].ToString() is { Length: > 0 } beforeText)
        {
            if (!long.TryParse(beforeText, out var sequence))
            {
                return ApiResults.Refused(AdminValues.Invalid("before", "before is the sequence number of an audit entry."));
            }

            before = sequence;
        }

        var entries = await site.Store.ListAuditAsync(limit, before, context.RequestAborted).ConfigureAwait(false);
        var next = entries.Count == limit && entries[entries.Count - 1].Sequence > 1 ? entries[entries.Count - 1].Sequence : (long?)null;
        return ApiResults.Ok(new AuditPage(entries.Select(AuditView.From).ToArray(), next));
    }

    private static IResult ScenarioNotFound(string scenario) =>
        ApiResults.NotFound("Scenario", $"'{scenario}' is not a scenario; GET api/messages/{{institutionId}} lists them.");
}

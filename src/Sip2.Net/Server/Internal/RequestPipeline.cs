using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Sip2.Net.Diagnostics.Internal;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Sip2.Net.Internal;

namespace Sip2.Net.Server.Internal;

/// <summary>
/// What happens to a back-end request once the session let it through its gate (bound, supported by the branch), one
/// step calling the next in this order: guard (a failure or a wrong answer becomes the failure response, logged) →
/// timeout (the kiosk gets "unavailable" after the back-end timeout) → resolution (a patron or item out of the session's
/// scope is refused; the back end's transaction method is never called) → replay (a retransmission from another
/// connection of the registration gets the first outcome) → typed dispatch. The replay step sits inside the timeout so
/// that it learns the back end's real outcome even when the kiosk was told the back end was too slow. The vendor
/// profile shapes the answer when the session writes it, so it applies to the server's own answers too.
/// </summary>
internal sealed class RequestPipeline(ISip2Backend backend, IResolutionStrategy resolution, Retransmissions retransmissions, Sip2ServerOptions options, TimeProvider time, ILogger logger, Sip2ServerMetrics metrics)
{
    public ValueTask<RequestResult> RunAsync(Sip2Message request, Sip2RequestContext context) => GuardAsync(request, context);

    private async ValueTask<RequestResult> GuardAsync(Sip2Message request, Sip2RequestContext context)
    {
        try
        {
            return await TimeoutAsync(request, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.CancellationToken.IsCancellationRequested)
        {
            ServerLog.BackendFailed(logger, exception, context.ConnectionId, request.Command);
            return new(context.Refuse(request, Sip2MessageScenario.BackEndError), Outcomes.Error);
        }
    }

    private async ValueTask<RequestResult> TimeoutAsync(Sip2Message request, Sip2RequestContext context)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var pending = ResolveAsync(request, context.WithCancellation(call.Token));
        if (pending.IsCompleted)
        {
            return await pending.ConfigureAwait(false); // a back end that answered at once needs no timer
        }

        var work = pending.AsTask();
        using var stopTimer = new CancellationTokenSource();
        var first = await Task.WhenAny(work, TimeProviderDelay.WaitAsync(time, options.BackendTimeout, stopTimer.Token)).ConfigureAwait(false);
        stopTimer.Cancel();
        if (first == work)
        {
            return await work.ConfigureAwait(false);
        }

        call.Cancel(); // tells the late back end to give up
        _ = work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        context.CancellationToken.ThrowIfCancellationRequested();
        ServerLog.BackendTimedOut(logger, context.ConnectionId, options.BackendTimeout.TotalMilliseconds, request.Command);
        return new(context.Refuse(request, Sip2MessageScenario.BackEndUnavailable), Outcomes.Timeout);
    }

    private async ValueTask<RequestResult> ResolveAsync(Sip2Message request, Sip2RequestContext context)
    {
        // The fields that name a patron or an item come from the message table: every request that has them is checked.
        if (request.Descriptor.FindField(FieldId.PatronIdentifier) is not null && request.GetField(FieldId.PatronIdentifier) is { Length: > 0 } patron
            && await backend.FindPatronInstitutionAsync(patron, context).ConfigureAwait(false) is { } patronInstitution
            && resolution.ResolvePatron(context.Scope, patronInstitution) is { IsInScope: false } patronDecision)
        {
            return OutOfScope(request, context, patronDecision.Scenario ?? Sip2MessageScenario.PatronOutOfScope);
        }

        if (request.Descriptor.FindField(FieldId.ItemIdentifier) is not null && request.GetField(FieldId.ItemIdentifier) is { Length: > 0 } item
            && await backend.FindItemOwnerAsync(item, context).ConfigureAwait(false) is { } owner)
        {
            var decision = owner.IsInterlibraryLoan
                ? resolution.ResolveInterlibraryLoanItem(context.Scope, owner.InstitutionId)
                : resolution.ResolveItem(context.Scope, owner.InstitutionId);
            if (!decision.IsInScope)
            {
                return OutOfScope(request, context, decision.Scenario ?? Sip2MessageScenario.ItemOutOfScope);
            }
        }

        // Unknown patrons and items are the back end's to answer (not found).
        return await ReplayAsync(request, context).ConfigureAwait(false);
    }

    private RequestResult OutOfScope(Sip2Message request, Sip2RequestContext context, Sip2MessageScenario scenario)
    {
        ServerLog.RequestRefused(logger, context.ConnectionId, request.Command, "out of the session's scope");
        return new(context.Refuse(request, scenario), Outcomes.Refused);
    }

    private async ValueTask<RequestResult> ReplayAsync(Sip2Message request, Sip2RequestContext context)
    {
        if (options.RetransmissionScope != Sip2RetransmissionScope.Registration || !request.Descriptor.ChangesState || !Sip2Session.HasTransactionDate(request))
        {
            return await DispatchAsync(request, context).ConfigureAwait(false);
        }

        var registration = context.Registration.Id;
        var window = options.RetransmissionWindowFor(context.BranchConfiguration);
        while (true)
        {
            var earlier = retransmissions.Begin(registration, context.ConnectionId, request, window, out var claim);
            if (earlier is null)
            {
                Sip2Message? outcome = null;
                try
                {
                    var result = await DispatchAsync(request, context).ConfigureAwait(false);
                    outcome = result.Response;
                    return result;
                }
                finally
                {
                    if (outcome is null)
                    {
                        retransmissions.Forget(registration, claim!); // failed: a resend runs afresh
                    }

                    claim!.Settle(outcome);
                }
            }

            // Another connection of the registration sent this request last: the kiosk reconnected and resends it.
            // The first attempt's outcome is the answer (waited for while it runs; the timeout step bounds the wait).
            var answer = await earlier.Outcome.ConfigureAwait(false);
            if (answer is not null)
            {
                metrics.Resend();
                ServerLog.ReplayedAcrossConnections(logger, context.ConnectionId, request.Command);
                return new(answer, Outcomes.Replayed);
            }
        }
    }

    // By request type, to the back end's method for it. An answer of the wrong type is the back end's bug: the guard
    // turns it into the failure response.
    private async ValueTask<RequestResult> DispatchAsync(Sip2Message request, Sip2RequestContext context)
    {
        Sip2Message response = request switch
        {
            PatronStatusRequest r => await backend.PatronStatusAsync(r, context).ConfigureAwait(false),
            BlockPatronRequest r => await backend.BlockPatronAsync(r, context).ConfigureAwait(false),
            CheckoutRequest r => await backend.CheckoutAsync(r, context).ConfigureAwait(false),
            CheckinRequest r => await backend.CheckinAsync(r, context).ConfigureAwait(false),
            PatronInformationRequest r => await backend.PatronInformationAsync(r, context).ConfigureAwait(false),
            EndPatronSessionRequest r => await backend.EndPatronSessionAsync(r, context).ConfigureAwait(false),
            FeePaidRequest r => await backend.FeePaidAsync(r, context).ConfigureAwait(false),
            ItemInformationRequest r => await backend.ItemInformationAsync(r, context).ConfigureAwait(false),
            ItemStatusUpdateRequest r => await backend.ItemStatusUpdateAsync(r, context).ConfigureAwait(false),
            PatronEnableRequest r => await backend.PatronEnableAsync(r, context).ConfigureAwait(false),
            HoldRequest r => await backend.HoldAsync(r, context).ConfigureAwait(false),
            RenewRequest r => await backend.RenewAsync(r, context).ConfigureAwait(false),
            RenewAllRequest r => await backend.RenewAllAsync(r, context).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"{request.Command} is not a back-end request."),
        };

        return response is not null && response.Command == request.Descriptor.ResponseCommand
            ? new(response, Outcomes.Ok)
            : throw new InvalidOperationException($"The back end answered {request.Command} with {response?.Command.ToString() ?? "null"}.");
    }
}

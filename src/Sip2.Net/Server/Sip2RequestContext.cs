using System;
using System.Net;
using System.Threading;
using Sip2.Net.Access;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;

namespace Sip2.Net.Server;

/// <summary>
/// What the back end knows about the session a request arrived on. Immutable: when nothing in it changed, the server
/// hands the same instance to the next request of the connection.
/// </summary>
public sealed class Sip2RequestContext
{
    private readonly IResolutionStrategy resolution;
    private readonly ISip2MessageCatalog catalog;
    private readonly TimeProvider timeProvider;

    internal Sip2RequestContext(Sip2SessionBinding binding, IPAddress remoteAddress, string connectionId, IResolutionStrategy resolution, ISip2MessageCatalog catalog, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        Binding = binding;
        RemoteAddress = remoteAddress;
        ConnectionId = connectionId;
        this.resolution = resolution;
        this.catalog = catalog;
        this.timeProvider = timeProvider;
        CancellationToken = cancellationToken;
    }

    /// <summary>The registration snapshot, institution, branch configuration, vendor profile and scope the session is bound to.</summary>
    public Sip2SessionBinding Binding { get; }

    /// <summary>The session's institution id (echo it in AO).</summary>
    public string InstitutionId => Binding.Institution.Id;

    /// <summary>The session's branch.</summary>
    public string BranchId => Binding.BranchConfiguration.BranchId;

    /// <summary>The branch's SIP2 configuration (personal-data switch, sort bin switch, available-hold switch, ...).</summary>
    public Sip2BranchConfiguration BranchConfiguration => Binding.BranchConfiguration;

    /// <summary>The client registration the session is bound to.</summary>
    public Sip2ClientRegistration Registration => Binding.Registration;

    /// <summary>Which institutions' patrons and items this session may see.</summary>
    public Sip2ResolutionScope Scope => Binding.Scope;

    /// <summary>The client's address (after a trusted proxy, the address it reported).</summary>
    public IPAddress RemoteAddress { get; }

    /// <summary>An id for the connection, as used in the server's logs.</summary>
    public string ConnectionId { get; }

    /// <summary>Cancelled when the request times out, the connection drops or the server stops.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The current time as a SIP2 local timestamp, from the server's time provider.</summary>
    public Sip2Timestamp Now => Sip2Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow(), timeProvider.LocalTimeZone);

    /// <summary>Whether a patron of <paramref name="patronInstitutionId"/> may use this session; a refusal carries the scenario to show.</summary>
    public Sip2ResolutionDecision ResolvePatron(string? patronInstitutionId) => resolution.ResolvePatron(Scope, patronInstitutionId);

    /// <summary>Whether an item owned by <paramref name="owningInstitutionId"/> is in scope.</summary>
    public Sip2ResolutionDecision ResolveItem(string? owningInstitutionId) => resolution.ResolveItem(Scope, owningInstitutionId);

    /// <summary>Whether a temporary interlibrary-loan item held by <paramref name="holdingInstitutionId"/> is in scope.</summary>
    public Sip2ResolutionDecision ResolveInterlibraryLoanItem(string? holdingInstitutionId) => resolution.ResolveInterlibraryLoanItem(Scope, holdingInstitutionId);

    /// <summary>The screen message (AF) for a scenario, with the institution's override if it has one.</summary>
    public string Text(Sip2MessageScenario scenario) => catalog.GetText(scenario, InstitutionId);
}

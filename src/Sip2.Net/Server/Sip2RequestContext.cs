using System;
using System.Net;
using System.Threading;
using Sip2.Net.Access;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Sip2.Net.Server.Internal;
using Sip2.Net.Resolution.Internal;

namespace Sip2.Net.Server;

/// <summary>
/// What the back end knows about the session a request arrived on: the binding (registration, institution, branch
/// configuration, vendor profile, resolution scope), the client's address, the connection, the clock and the
/// cancellation. Immutable. Construct one yourself to unit-test a back end without sockets.
/// </summary>
public sealed class Sip2RequestContext
{
    private readonly IResolutionStrategy resolution;
    private readonly ISip2MessageCatalog catalog;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates a context; the server makes one per request, tests make their own.</summary>
    /// <param name="binding">What the session is bound to.</param>
    /// <param name="remoteAddress">The client's address.</param>
    /// <param name="connectionId">An id for the connection, as in the server's logs.</param>
    /// <param name="resolution">The scoping rules; by default chosen by the registration's resolution level.</param>
    /// <param name="catalog">Screen message texts; by default the built-in ones.</param>
    /// <param name="timeProvider">The clock; the system clock by default.</param>
    /// <param name="cancellationToken">Cancelled when the request times out, the connection drops or the server stops.</param>
    public Sip2RequestContext(
        Sip2SessionBinding binding,
        IPAddress remoteAddress,
        string connectionId = "test",
        IResolutionStrategy? resolution = null,
        ISip2MessageCatalog? catalog = null,
        TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        Binding = binding ?? throw new ArgumentNullException(nameof(binding));
        RemoteAddress = remoteAddress ?? throw new ArgumentNullException(nameof(remoteAddress));
        ConnectionId = connectionId ?? throw new ArgumentNullException(nameof(connectionId));
        this.resolution = resolution ?? ResolutionLevelSelector.Default;
        this.catalog = catalog ?? new Sip2MessageCatalog();
        this.timeProvider = timeProvider ?? TimeProvider.System;
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

    /// <summary>
    /// The well-formed refusal of <paramref name="request"/>: its response type with ok = 0 (or N), the request's
    /// identifiers echoed, required fields present and empty where unknown, and the scenario's screen message.
    /// </summary>
    public TResponse Refuse<TResponse>(Sip2Request<TResponse> request, Sip2MessageScenario scenario)
        where TResponse : Sip2Message => (TResponse)Refuse((Sip2Message)(request ?? throw new ArgumentNullException(nameof(request))), scenario);

    // The same context with the cancellation of one back-end call (its timeout).
    internal Sip2RequestContext WithCancellation(CancellationToken token) =>
        new(Binding, RemoteAddress, ConnectionId, resolution, catalog, timeProvider, token);

    internal Sip2Message Refuse(Sip2Message request, Sip2MessageScenario scenario) => FailureResponses.For(request, Text(scenario), Now);
}

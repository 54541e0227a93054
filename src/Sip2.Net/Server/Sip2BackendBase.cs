using System.Threading.Tasks;
using Sip2.Net.Messages;

namespace Sip2.Net.Server;

/// <summary>
/// A back end that answers every request with its failure response ("not supported"); override the
/// messages your library system handles. The two ownership lookups the server's scope check needs are abstract: every
/// back end knows who owns its patrons and items.
/// </summary>
public abstract class Sip2BackendBase : ISip2Backend
{
    private static ValueTask<T> NotSupported<T>(Sip2Request<T> request, Sip2RequestContext context)
        where T : Sip2Message => new(context.Refuse(request, Resolution.Sip2MessageScenario.MessageNotSupported));

    /// <inheritdoc/>
    public abstract ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context);

    /// <inheritdoc/>
    public abstract ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context);

    /// <inheritdoc/>
    public virtual ValueTask<PatronStatusResponse> PatronStatusAsync(PatronStatusRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<PatronStatusResponse> BlockPatronAsync(BlockPatronRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<CheckinResponse> CheckinAsync(CheckinRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<PatronInformationResponse> PatronInformationAsync(PatronInformationRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<EndPatronSessionResponse> EndPatronSessionAsync(EndPatronSessionRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<FeePaidResponse> FeePaidAsync(FeePaidRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<ItemInformationResponse> ItemInformationAsync(ItemInformationRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<ItemStatusUpdateResponse> ItemStatusUpdateAsync(ItemStatusUpdateRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<PatronEnableResponse> PatronEnableAsync(PatronEnableRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<HoldResponse> HoldAsync(HoldRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<RenewResponse> RenewAsync(RenewRequest request, Sip2RequestContext context) => NotSupported(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<RenewAllResponse> RenewAllAsync(RenewAllRequest request, Sip2RequestContext context) => NotSupported(request, context);
}

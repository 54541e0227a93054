using System.Threading.Tasks;
using Sip2.Net.Messages;

namespace Sip2.Net.Server;

/// <summary>
/// A back end that answers every request with its failure response ("not supported"); override the
/// messages your library system handles.
/// </summary>
public abstract class Sip2BackendBase : ISip2Backend
{
    private static ValueTask<T> NotSupported<T>(Sip2Message request, Sip2RequestContext context)
        where T : Sip2Message =>
        new((T)Sip2FailureResponses.For(request, context.Text(Resolution.Sip2MessageScenario.MessageNotSupported), context.Now));

    /// <inheritdoc/>
    public virtual ValueTask<PatronStatusResponse> PatronStatusAsync(PatronStatusRequest request, Sip2RequestContext context) => NotSupported<PatronStatusResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<PatronStatusResponse> BlockPatronAsync(BlockPatronRequest request, Sip2RequestContext context) => NotSupported<PatronStatusResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context) => NotSupported<CheckoutResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<CheckinResponse> CheckinAsync(CheckinRequest request, Sip2RequestContext context) => NotSupported<CheckinResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<PatronInformationResponse> PatronInformationAsync(PatronInformationRequest request, Sip2RequestContext context) => NotSupported<PatronInformationResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<EndSessionResponse> EndPatronSessionAsync(EndPatronSessionRequest request, Sip2RequestContext context) => NotSupported<EndSessionResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<FeePaidResponse> FeePaidAsync(FeePaidRequest request, Sip2RequestContext context) => NotSupported<FeePaidResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<ItemInformationResponse> ItemInformationAsync(ItemInformationRequest request, Sip2RequestContext context) => NotSupported<ItemInformationResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<ItemStatusUpdateResponse> ItemStatusUpdateAsync(ItemStatusUpdateRequest request, Sip2RequestContext context) => NotSupported<ItemStatusUpdateResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<PatronEnableResponse> PatronEnableAsync(PatronEnableRequest request, Sip2RequestContext context) => NotSupported<PatronEnableResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<HoldResponse> HoldAsync(HoldRequest request, Sip2RequestContext context) => NotSupported<HoldResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<RenewResponse> RenewAsync(RenewRequest request, Sip2RequestContext context) => NotSupported<RenewResponse>(request, context);

    /// <inheritdoc/>
    public virtual ValueTask<RenewAllResponse> RenewAllAsync(RenewAllRequest request, Sip2RequestContext context) => NotSupported<RenewAllResponse>(request, context);
}

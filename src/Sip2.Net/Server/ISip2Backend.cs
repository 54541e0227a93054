using System.Threading.Tasks;
using Sip2.Net.Messages;

namespace Sip2.Net.Server;

/// <summary>
/// The library system behind the server: one method per request message. The server handles login, status,
/// resends, checksums and access; everything that touches patrons and items comes here, with the session's
/// <see cref="Sip2RequestContext"/> (institution, branch, registration, resolution scope, cancellation).
/// </summary>
/// <remarks>
/// Return a well-formed response for every outcome, failures included (<see cref="Sip2RequestContext.Refuse"/> builds
/// one with the scenario's screen message). An exception or a timeout never reaches the kiosk: the server answers the
/// matching failure response itself and logs the exception. The server enforces the session's resolution scope before
/// a transaction method runs: it asks <see cref="FindPatronInstitutionAsync"/> and <see cref="FindItemOwnerAsync"/>
/// who owns the patron and the item a request names, and refuses one out of scope without calling the method. Derive
/// from <see cref="Sip2BackendBase"/> to answer only the messages you support.
/// </remarks>
public interface ISip2Backend
{
    /// <summary>The institution a patron belongs to, for the server's scope check; null when no patron has that identifier.</summary>
    ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context);

    /// <summary>Who owns an item, and whether it is a temporary interlibrary-loan item, for the server's scope check; null when no item has that identifier.</summary>
    ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context);

    /// <summary>23 Patron Status Request.</summary>
    ValueTask<PatronStatusResponse> PatronStatusAsync(PatronStatusRequest request, Sip2RequestContext context);

    /// <summary>01 Block Patron; answered with a Patron Status Response.</summary>
    ValueTask<PatronStatusResponse> BlockPatronAsync(BlockPatronRequest request, Sip2RequestContext context);

    /// <summary>11 Checkout.</summary>
    ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context);

    /// <summary>09 Checkin.</summary>
    ValueTask<CheckinResponse> CheckinAsync(CheckinRequest request, Sip2RequestContext context);

    /// <summary>63 Patron Information.</summary>
    ValueTask<PatronInformationResponse> PatronInformationAsync(PatronInformationRequest request, Sip2RequestContext context);

    /// <summary>35 End Patron Session.</summary>
    ValueTask<EndPatronSessionResponse> EndPatronSessionAsync(EndPatronSessionRequest request, Sip2RequestContext context);

    /// <summary>37 Fee Paid.</summary>
    ValueTask<FeePaidResponse> FeePaidAsync(FeePaidRequest request, Sip2RequestContext context);

    /// <summary>17 Item Information.</summary>
    ValueTask<ItemInformationResponse> ItemInformationAsync(ItemInformationRequest request, Sip2RequestContext context);

    /// <summary>19 Item Status Update.</summary>
    ValueTask<ItemStatusUpdateResponse> ItemStatusUpdateAsync(ItemStatusUpdateRequest request, Sip2RequestContext context);

    /// <summary>25 Patron Enable.</summary>
    ValueTask<PatronEnableResponse> PatronEnableAsync(PatronEnableRequest request, Sip2RequestContext context);

    /// <summary>15 Hold.</summary>
    ValueTask<HoldResponse> HoldAsync(HoldRequest request, Sip2RequestContext context);

    /// <summary>29 Renew.</summary>
    ValueTask<RenewResponse> RenewAsync(RenewRequest request, Sip2RequestContext context);

    /// <summary>65 Renew All.</summary>
    ValueTask<RenewAllResponse> RenewAllAsync(RenewAllRequest request, Sip2RequestContext context);
}

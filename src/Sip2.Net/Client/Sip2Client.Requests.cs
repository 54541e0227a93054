using System;
using System.Threading;
using System.Threading.Tasks;
using Sip2.Net.Messages;

namespace Sip2.Net.Client;

// The typed requests. Each fills what a kiosk would: the transaction date (now), the institution id,
// terminal password and location from the options, and empty values for required fields it has no value
// for. For anything else, build the request record and call SendAsync.
public sealed partial class Sip2Client
{
    /// <summary>Login (93 → 94). The location code (CP) comes from <see cref="Sip2ClientOptions.LocationCode"/> unless given.</summary>
    /// <exception cref="Sip2LoginRefusedException">The ACS answered ok = 0.</exception>
    public async Task<LoginResponse> LoginAsync(string loginUserId, string loginPassword, string? locationCode = null, CancellationToken cancellationToken = default)
    {
        var request = new LoginRequest
        {
            LoginUserId = loginUserId ?? throw new ArgumentNullException(nameof(loginUserId)),
            LoginPassword = loginPassword ?? throw new ArgumentNullException(nameof(loginPassword)),
            LocationCode = locationCode ?? Options.LocationCode,
        };
        var response = await SendAsync<LoginResponse>(request, cancellationToken).ConfigureAwait(false);
        return response.Ok ? response : throw new Sip2LoginRefusedException($"The ACS refused the login of '{loginUserId}'.");
    }

    /// <summary>SC Status (99 → 98): reports the SC's state and reads the ACS's; also a keep-alive.</summary>
    public Task<AcsStatusResponse> ScStatusAsync(ScStatusCode statusCode = ScStatusCode.Ok, int maxPrintWidth = 0, CancellationToken cancellationToken = default) =>
        SendAsync<AcsStatusResponse>(new ScStatusRequest { StatusCode = statusCode, MaxPrintWidth = maxPrintWidth, ProtocolVersion = "2.00" }, cancellationToken);

    /// <summary>Patron Status (23 → 24).</summary>
    public Task<PatronStatusResponse> PatronStatusAsync(string patronIdentifier, string? patronPassword = null, CancellationToken cancellationToken = default) =>
        SendAsync<PatronStatusResponse>(new PatronStatusRequest
        {
            Language = Sip2Language.Unknown,
            TransactionDate = Now(),
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier ?? throw new ArgumentNullException(nameof(patronIdentifier)),
            TerminalPassword = Options.TerminalPassword ?? "",
            PatronPassword = patronPassword ?? "",
        }, cancellationToken);

    /// <summary>
    /// Patron Information (63 → 64). <paramref name="summary"/> asks for one detail list (the spec allows one);
    /// <paramref name="startItem"/> and <paramref name="endItem"/> page through it (1-based, inclusive).
    /// </summary>
    public Task<PatronInformationResponse> PatronInformationAsync(
        string patronIdentifier,
        PatronSummary summary = PatronSummary.None,
        int? startItem = null,
        int? endItem = null,
        string? patronPassword = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<PatronInformationResponse>(new PatronInformationRequest
        {
            Language = Sip2Language.Unknown,
            TransactionDate = Now(),
            Summary = summary,
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier ?? throw new ArgumentNullException(nameof(patronIdentifier)),
            TerminalPassword = Options.TerminalPassword,
            PatronPassword = patronPassword,
            StartItem = startItem,
            EndItem = endItem,
        }, cancellationToken);

    /// <summary>Checkout (11 → 12).</summary>
    public Task<CheckoutResponse> CheckoutAsync(
        string patronIdentifier,
        string itemIdentifier,
        string? patronPassword = null,
        bool? feeAcknowledged = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<CheckoutResponse>(new CheckoutRequest
        {
            ScRenewalPolicy = true,
            TransactionDate = Now(),
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier ?? throw new ArgumentNullException(nameof(patronIdentifier)),
            ItemIdentifier = itemIdentifier ?? throw new ArgumentNullException(nameof(itemIdentifier)),
            TerminalPassword = Options.TerminalPassword ?? "",
            PatronPassword = patronPassword,
            FeeAcknowledged = feeAcknowledged,
        }, cancellationToken);

    /// <summary>Checkin (09 → 10). The current location (AP) comes from <see cref="Sip2ClientOptions.LocationCode"/> unless given.</summary>
    public Task<CheckinResponse> CheckinAsync(string itemIdentifier, string? currentLocation = null, CancellationToken cancellationToken = default)
    {
        var now = Now();
        return SendAsync<CheckinResponse>(new CheckinRequest
        {
            TransactionDate = now,
            ReturnDate = now,
            CurrentLocation = currentLocation ?? Options.LocationCode ?? "",
            InstitutionId = Options.InstitutionId,
            ItemIdentifier = itemIdentifier ?? throw new ArgumentNullException(nameof(itemIdentifier)),
            TerminalPassword = Options.TerminalPassword ?? "",
        }, cancellationToken);
    }

    /// <summary>Renew (29 → 30): one item, by item or title identifier.</summary>
    public Task<RenewResponse> RenewAsync(
        string patronIdentifier,
        string? itemIdentifier = null,
        string? titleIdentifier = null,
        string? patronPassword = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<RenewResponse>(new RenewRequest
        {
            TransactionDate = Now(),
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier ?? throw new ArgumentNullException(nameof(patronIdentifier)),
            ItemIdentifier = itemIdentifier,
            TitleIdentifier = titleIdentifier,
            PatronPassword = patronPassword,
            TerminalPassword = Options.TerminalPassword,
        }, cancellationToken);

    /// <summary>Renew All (65 → 66).</summary>
    public Task<RenewAllResponse> RenewAllAsync(string patronIdentifier, string? patronPassword = null, CancellationToken cancellationToken = default) =>
        SendAsync<RenewAllResponse>(new RenewAllRequest
        {
            TransactionDate = Now(),
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier ?? throw new ArgumentNullException(nameof(patronIdentifier)),
            PatronPassword = patronPassword,
            TerminalPassword = Options.TerminalPassword,
        }, cancellationToken);

    /// <summary>Fee Paid (37 → 38).</summary>
    /// <param name="patronIdentifier">The patron (AA).</param>
    /// <param name="amount">The amount paid (BV).</param>
    /// <param name="currencyType">ISO 4217 code, three letters, such as USD.</param>
    /// <param name="feeType">What the fee is for.</param>
    /// <param name="paymentType">How it was paid.</param>
    /// <param name="feeIdentifier">The fee paid (CG), when the ACS named one.</param>
    /// <param name="transactionId">The payment's transaction id (BK).</param>
    /// <param name="cancellationToken">Cancels the exchange (and closes the connection).</param>
    public Task<FeePaidResponse> FeePaidAsync(
        string patronIdentifier,
        decimal amount,
        string currencyType,
        FeeType feeType = FeeType.Other,
        PaymentType paymentType = PaymentType.Cash,
        string? feeIdentifier = null,
        string? transactionId = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<FeePaidResponse>(new FeePaidRequest
        {
            TransactionDate = Now(),
            FeeType = feeType,
            PaymentType = paymentType,
            CurrencyType = currencyType ?? throw new ArgumentNullException(nameof(currencyType)),
            FeeAmount = Sip2Amount.FromDecimal(amount),
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier ?? throw new ArgumentNullException(nameof(patronIdentifier)),
            TerminalPassword = Options.TerminalPassword,
            FeeIdentifier = feeIdentifier,
            TransactionId = transactionId,
        }, cancellationToken);

    /// <summary>Hold (15 → 16): add, delete or change a hold on an item or a title.</summary>
    public Task<HoldResponse> HoldAsync(
        HoldMode mode,
        string patronIdentifier,
        string? itemIdentifier = null,
        string? titleIdentifier = null,
        string? pickupLocation = null,
        string? patronPassword = null,
        CancellationToken cancellationToken = default) =>
        SendAsync<HoldResponse>(new HoldRequest
        {
            HoldMode = mode,
            TransactionDate = Now(),
            PickupLocation = pickupLocation,
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier ?? throw new ArgumentNullException(nameof(patronIdentifier)),
            PatronPassword = patronPassword,
            ItemIdentifier = itemIdentifier,
            TitleIdentifier = titleIdentifier,
            TerminalPassword = Options.TerminalPassword,
        }, cancellationToken);

    /// <summary>Item Information (17 → 18).</summary>
    public Task<ItemInformationResponse> ItemInformationAsync(string itemIdentifier, CancellationToken cancellationToken = default) =>
        SendAsync<ItemInformationResponse>(new ItemInformationRequest
        {
            TransactionDate = Now(),
            InstitutionId = Options.InstitutionId,
            ItemIdentifier = itemIdentifier ?? throw new ArgumentNullException(nameof(itemIdentifier)),
            TerminalPassword = Options.TerminalPassword,
        }, cancellationToken);

    /// <summary>Item Status Update (19 → 20): sets the item's properties (CH).</summary>
    public Task<ItemStatusUpdateResponse> ItemStatusUpdateAsync(string itemIdentifier, string itemProperties, CancellationToken cancellationToken = default) =>
        SendAsync<ItemStatusUpdateResponse>(new ItemStatusUpdateRequest
        {
            TransactionDate = Now(),
            InstitutionId = Options.InstitutionId,
            ItemIdentifier = itemIdentifier ?? throw new ArgumentNullException(nameof(itemIdentifier)),
            TerminalPassword = Options.TerminalPassword,
            ItemProperties = itemProperties ?? throw new ArgumentNullException(nameof(itemProperties)),
        }, cancellationToken);

    /// <summary>Block Patron (01 → 24): blocks the card, for instance after it was left in the machine.</summary>
    public Task<PatronStatusResponse> BlockPatronAsync(
        string patronIdentifier,
        string blockedCardMessage,
        bool cardRetained = false,
        CancellationToken cancellationToken = default) =>
        SendAsync<PatronStatusResponse>(new BlockPatronRequest
        {
            CardRetained = cardRetained,
            TransactionDate = Now(),
            InstitutionId = Options.InstitutionId,
            BlockedCardMessage = blockedCardMessage ?? throw new ArgumentNullException(nameof(blockedCardMessage)),
            PatronIdentifier = patronIdentifier ?? throw new ArgumentNullException(nameof(patronIdentifier)),
            TerminalPassword = Options.TerminalPassword ?? "",
        }, cancellationToken);

    /// <summary>Patron Enable (25 → 26).</summary>
    public Task<PatronEnableResponse> PatronEnableAsync(string patronIdentifier, string? patronPassword = null, CancellationToken cancellationToken = default) =>
        SendAsync<PatronEnableResponse>(new PatronEnableRequest
        {
            TransactionDate = Now(),
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier ?? throw new ArgumentNullException(nameof(patronIdentifier)),
            TerminalPassword = Options.TerminalPassword,
            PatronPassword = patronPassword,
        }, cancellationToken);

    /// <summary>End Patron Session (35 → 36).</summary>
    public Task<EndPatronSessionResponse> EndSessionAsync(string patronIdentifier, string? patronPassword = null, CancellationToken cancellationToken = default) =>
        SendAsync<EndPatronSessionResponse>(new EndPatronSessionRequest
        {
            TransactionDate = Now(),
            InstitutionId = Options.InstitutionId,
            PatronIdentifier = patronIdentifier ?? throw new ArgumentNullException(nameof(patronIdentifier)),
            TerminalPassword = Options.TerminalPassword,
            PatronPassword = patronPassword,
        }, cancellationToken);

    private Sip2Timestamp Now() => Sip2Timestamp.Local(Options.TimeProvider.GetLocalNow().DateTime);
}

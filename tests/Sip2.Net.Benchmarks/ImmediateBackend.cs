using Sip2.Net.Messages;
using Sip2.Net.Server;

namespace Sip2.Net.Benchmarks;

/// <summary>A back end that answers every request at once, synchronously, as a cache-hit ILS would.</summary>
internal sealed class ImmediateBackend : Sip2BackendBase
{
    private static readonly Sip2Timestamp Due = Sip2Timestamp.Local(new DateTime(2026, 1, 16, 23, 59, 0, DateTimeKind.Unspecified));

    // Every patron and item is the session's own institution's: the server's scope check lets everything through.
    public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) => new(context.InstitutionId);

    public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) => new(new Sip2ItemOwner(context.InstitutionId));

    public override ValueTask<PatronInformationResponse> PatronInformationAsync(PatronInformationRequest request, Sip2RequestContext context) =>
        new(new PatronInformationResponse
        {
            TransactionDate = context.Now, ChargedItemsCount = 3, InstitutionId = request.InstitutionId, PatronIdentifier = request.PatronIdentifier,
            PersonalName = "Jürgen Müller", ValidPatron = true, ValidPatronPassword = true,
            ChargedItems = ["312340000001", "312340000002", "312340000003"],
        });

    public override ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context) =>
        new(new CheckoutResponse
        {
            Ok = true, Desensitize = true, MagneticMedia = false, TransactionDate = context.Now, InstitutionId = request.InstitutionId,
            PatronIdentifier = request.PatronIdentifier, ItemIdentifier = request.ItemIdentifier, TitleIdentifier = "Les Misérables",
            DueDate = Due.ToString(),
        });

    public override ValueTask<CheckinResponse> CheckinAsync(CheckinRequest request, Sip2RequestContext context) =>
        new(new CheckinResponse
        {
            Ok = true, Resensitize = true, MagneticMedia = false, TransactionDate = context.Now, InstitutionId = request.InstitutionId,
            ItemIdentifier = request.ItemIdentifier, PermanentLocation = "Zweigstelle Süd", TitleIdentifier = "Les Misérables",
        });
}

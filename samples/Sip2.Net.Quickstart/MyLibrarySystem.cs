using System;
using System.Threading.Tasks;
using Sip2.Net.Messages;
using Sip2.Net.Server;

namespace Quickstart;

// Your library system behind the server. Sip2BackendBase answers every message you do not override with the
// protocol's "not supported" response; the two lookups let the server keep each kiosk to its own institution.
public sealed class MyLibrarySystem : Sip2BackendBase
{
    public override ValueTask<string?> FindPatronInstitutionAsync(string patronIdentifier, Sip2RequestContext context) =>
        new(patronIdentifier.StartsWith("2", StringComparison.Ordinal) ? "main" : null);

    public override ValueTask<Sip2ItemOwner?> FindItemOwnerAsync(string itemIdentifier, Sip2RequestContext context) =>
        new(itemIdentifier.StartsWith("3", StringComparison.Ordinal) ? new Sip2ItemOwner("main") : null);

    public override ValueTask<CheckoutResponse> CheckoutAsync(CheckoutRequest request, Sip2RequestContext context) =>
        new(new CheckoutResponse
        {
            Ok = true,
            MagneticMedia = false,
            Desensitize = true,
            TransactionDate = context.Now,
            InstitutionId = context.InstitutionId,
            PatronIdentifier = request.PatronIdentifier,
            ItemIdentifier = request.ItemIdentifier,
            TitleIdentifier = "The Hobbit",
            DueDate = context.Now.ToString(),
        });
}

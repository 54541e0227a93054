namespace Sip2.Net.Server;

/// <summary>Who owns an item, as the back end tells the server's scope check (<see cref="ISip2Backend.FindItemOwnerAsync"/>).</summary>
/// <param name="InstitutionId">The owning institution; for a temporary interlibrary-loan item, the institution that holds it.</param>
/// <param name="IsInterlibraryLoan">Whether the item is a temporary item created for an interlibrary loan (a whole-group privilege).</param>
public sealed record Sip2ItemOwner(string InstitutionId, bool IsInterlibraryLoan = false);

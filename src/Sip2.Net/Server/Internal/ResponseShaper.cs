using System.Linq;
using Sip2.Net.Messages;
using Sip2.Net.Vendors;

namespace Sip2.Net.Server.Internal;

/// <summary>
/// Applies a session's vendor profile to every response it is sent, whatever the back end filled in: extension fields
/// the profile does not list are left out, optional fields without a value follow <see cref="Sip2VendorProfile.SendEmptyOptionalFields"/>,
/// and a checkin of an item on hold or in transit (alert type CV 01 to 04) raises the alert flag for profiles with
/// <see cref="Sip2VendorProfile.AlertOnHoldOrTransit"/>. The Default profile's output is strictly 2.00.
/// </summary>
internal static class ResponseShaper
{
    public static Sip2Message Apply(Sip2Message response, Sip2VendorProfile profile)
    {
        var raisesAlert = profile.AlertOnHoldOrTransit && response is CheckinResponse { Alert: false, AlertType: >= AlertType.HoldForThisLibrary and <= AlertType.SendToOtherBranch };
        if (!raisesAlert && !profile.SendEmptyOptionalFields && !response.Fields.Any(f => Drops(response.Descriptor, profile, f)))
        {
            return response; // the common case: a back end that filled in only what the profile sends
        }

        var shaped = raisesAlert ? ((CheckinResponse)response) with { Alert = true } : response with { };
        var descriptor = shaped.Descriptor;
        shaped.FieldStorage.RemoveAll(f => Drops(descriptor, profile, f));
        if (profile.SendEmptyOptionalFields)
        {
            // An absent optional field goes out empty: every single-valued one the profile sends, and the screen
            // message (AF|), which such clients expect; never an empty entry of an item list.
            foreach (var known in descriptor.Fields.Where(k => !k.IsRequired && (!k.IsExtension || profile.Emits(k.Id))
                && (!k.IsRepeatable || k.Id == FieldId.ScreenMessage)))
            {
                if (shaped.GetField(known.Id) is null)
                {
                    shaped.SetValues(known.Id, [""]);
                }
            }
        }

        return shaped;
    }

    // An extension field the profile does not send, or an empty optional field the profile leaves out.
    private static bool Drops(Sip2MessageDescriptor descriptor, Sip2VendorProfile profile, Sip2Field field) =>
        descriptor.FindField(field.Id) is { } known
        && ((known.IsExtension && !profile.Emits(field.Id)) || (!known.IsRequired && field.Value.Length == 0 && !profile.SendEmptyOptionalFields));
}

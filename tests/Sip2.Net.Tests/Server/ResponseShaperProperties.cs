using FsCheck.Xunit;
using Sip2.Net.Messages;
using Sip2.Net.Server.Internal;
using Sip2.Net.Testing;
using Sip2.Net.Vendors;

namespace Sip2.Net.Tests.Server;

/// <summary>
/// The vendor profile shapes every response the server writes, whatever the back end filled in: the Default profile's
/// output is strictly 2.00, a vendor's keeps its own extension fields, and nothing else changes.
/// </summary>
[Properties(Arbitrary = [typeof(Sip2Arbitraries)], MaxTest = 300)]
public sealed class ResponseShaperProperties
{
    private static Sip2VendorProfile Profile(string name) => new Sip2VendorProfileCatalog().GetOrDefault(name);

    [Property]
    public bool The_Default_profile_sends_no_extension_field_and_no_empty_optional_field(Sip2Message response)
    {
        var shaped = ResponseShaper.Apply(response, Sip2VendorProfileCatalog.Default);
        return shaped.Fields.All(f => shaped.Descriptor.FindField(f.Id) is not { } known || (!known.IsExtension && (known.IsRequired || f.Value.Length > 0)));
    }

    [Property]
    public bool Every_profile_sends_only_its_own_extension_fields_and_keeps_every_other_value(Sip2Message response)
    {
        foreach (var name in new[] { "Default", "Bibliotheca", "Envisionware" })
        {
            var profile = Profile(name);
            var shaped = ResponseShaper.Apply(response, profile);
            bool Kept(Sip2Field f) => shaped.Descriptor.FindField(f.Id) is not { } known
                || ((!known.IsExtension || profile.Emits(f.Id)) && (known.IsRequired || f.Value.Length > 0 || profile.SendEmptyOptionalFields));
            var expected = response.Fields.Where(Kept).ToList();
            var nonEmpty = shaped.Fields.Where(f => f.Value.Length > 0 || response.Fields.Contains(f)).ToList();
            if (!nonEmpty.SequenceEqual(expected) || shaped.Fields.Any(f => shaped.Descriptor.FindField(f.Id) is { IsExtension: true } && !profile.Emits(f.Id)))
            {
                return false;
            }

            // Fixed fields are the back end's, but for the alert flag a hold or transit raises.
            var alertRaised = profile.AlertOnHoldOrTransit && response is CheckinResponse { AlertType: >= AlertType.HoldForThisLibrary and <= AlertType.SendToOtherBranch };
            var fixedKept = alertRaised
                ? ((CheckinResponse)shaped).Alert
                : shaped.FixedFieldTexts.SequenceEqual(response.FixedFieldTexts);
            if (!fixedKept)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Shaping_leaves_the_back_ends_response_as_it_was(Sip2Message response)
    {
        var before = response.Fields.ToList();
        _ = ResponseShaper.Apply(response, Sip2VendorProfileCatalog.Bibliotheca);
        _ = ResponseShaper.Apply(response, Sip2VendorProfileCatalog.Default);
        return response.Fields.SequenceEqual(before);
    }

    [Fact]
    public void A_checkin_of_an_item_on_hold_raises_the_alert_for_Bibliotheca_and_is_plain_200_for_Default()
    {
        var checkin = new CheckinResponse
        {
            Ok = true, TransactionDate = Sip2Timestamp.Local(new DateTime(2026, 12, 4)), InstitutionId = "NORTH", ItemIdentifier = "I1",
            PermanentLocation = "Main", AlertType = AlertType.HoldForThisLibrary, SortBin = "B3", HoldPatronId = "P9", MediaType = MediaType.Book,
        };

        var bibliotheca = (CheckinResponse)ResponseShaper.Apply(checkin, Sip2VendorProfileCatalog.Bibliotheca);
        var standard = (CheckinResponse)ResponseShaper.Apply(checkin, Sip2VendorProfileCatalog.Default);

        Assert.True(bibliotheca.Alert);
        Assert.Equal(("B3", AlertType.HoldForThisLibrary, "P9"), (bibliotheca.SortBin, bibliotheca.AlertType, bibliotheca.HoldPatronId));
        Assert.False(standard.Alert);
        Assert.Equal((null, null), (standard.AlertType, standard.HoldPatronId)); // CV and CY are extensions
        Assert.Equal(("B3", MediaType.Book), (standard.SortBin, standard.MediaType)); // CL and CK are 2.00 fields of a checkin
    }
}

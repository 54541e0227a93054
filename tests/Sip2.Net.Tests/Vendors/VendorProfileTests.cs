using Sip2.Net.Encodings;
using Sip2.Net.Messages;
using Sip2.Net.Protocol;
using Sip2.Net.Vendors;

namespace Sip2.Net.Tests.Vendors;

public sealed class VendorProfileTests
{
    [Fact]
    public void Default_is_the_standard_strictly()
    {
        var profile = Sip2VendorProfileCatalog.Default;
        Assert.Equal(Sip2Terminator.Cr, profile.Terminator);
        Assert.Equal(Sip2ErrorDetectionMode.Auto, profile.ErrorDetection);
        Assert.Equal(Sip2CharacterEncoding.Ibm850, profile.DefaultEncoding);
        Assert.Empty(profile.ExtensionFields);
        Assert.False(profile.SendEmptyOptionalFields);
        Assert.False(profile.AlertOnHoldOrTransit);
    }

    [Fact]
    public void Bibliotheca_emits_the_sorter_and_alert_fields()
    {
        var profile = Sip2VendorProfileCatalog.Bibliotheca;
        foreach (var field in new[] { FieldId.SortBin, FieldId.DestinationLocation, FieldId.AlertType, FieldId.HoldPatronId, FieldId.HoldPatronName, FieldId.MediaType })
        {
            Assert.True(profile.Emits(field), field.ToString());
        }

        Assert.False(profile.Emits(FieldId.PatronBirthDate));
        Assert.True(profile.AlertOnHoldOrTransit);
        Assert.Equal(Sip2Terminator.Cr, profile.Terminator);
    }

    [Fact]
    public void Envisionware_emits_the_patron_extension_fields_and_media_type()
    {
        var profile = Sip2VendorProfileCatalog.Envisionware;
        foreach (var field in new[] { FieldId.PatronExpirationDate, FieldId.PatronBirthDate, FieldId.PatronClass, FieldId.PatronInternetProfile, FieldId.MediaType })
        {
            Assert.True(profile.Emits(field), field.ToString());
        }

        Assert.False(profile.Emits(FieldId.SortBin));
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("default")]
    [InlineData("BIBLIOTHECA")]
    [InlineData("envisionware")]
    public void Built_in_profiles_are_found_by_name_whatever_the_case(string name)
    {
        var catalog = new Sip2VendorProfileCatalog();
        Assert.True(catalog.TryGet(name, out var profile));
        Assert.Equal(name, profile!.Name, ignoreCase: true);
        Assert.True(catalog.Contains(name));
    }

    [Fact]
    public void Unknown_names_are_not_found_and_fall_back_to_default()
    {
        var catalog = new Sip2VendorProfileCatalog();
        Assert.False(catalog.TryGet("Acme", out _));
        Assert.False(catalog.TryGet(null, out _));
        Assert.Same(Sip2VendorProfileCatalog.Default, catalog.GetOrDefault("Acme"));
    }

    [Fact]
    public void Custom_profiles_can_be_registered_and_replace_built_ins()
    {
        var catalog = new Sip2VendorProfileCatalog();
        var cenTec = new Sip2VendorProfile { Name = "CenTec", Terminator = Sip2Terminator.CrLf, DefaultEncoding = Sip2CharacterEncoding.AsciiFolding };
        catalog.Register(cenTec);
        catalog.Register(Sip2VendorProfileCatalog.Default with { SendEmptyOptionalFields = true });

        Assert.Same(cenTec, catalog.GetOrDefault("centec"));
        Assert.True(catalog.GetOrDefault("Default").SendEmptyOptionalFields);
        Assert.Contains("CenTec", catalog.Names);
        Assert.Equal(4, catalog.Names.Count);

        // Another catalogue is untouched: profiles are per catalogue, not global.
        Assert.False(new Sip2VendorProfileCatalog().GetOrDefault("Default").SendEmptyOptionalFields);
    }

    [Fact]
    public void A_profile_without_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Sip2VendorProfileCatalog().Register(new Sip2VendorProfile { Name = " " }));
        Assert.Throws<ArgumentNullException>(() => new Sip2VendorProfileCatalog().Register(null!));
    }

    [Fact]
    public void Extension_fields_are_kept_once_each()
    {
        var profile = new Sip2VendorProfile { Name = "x", ExtensionFields = new[] { FieldId.SortBin, FieldId.SortBin } };
        Assert.Single(profile.ExtensionFields);
    }
}

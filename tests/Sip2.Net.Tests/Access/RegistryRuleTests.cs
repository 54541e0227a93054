using System.Net;
using Sip2.Net.Access;
using Sip2.Net.Encodings;
using Sip2.Net.Resolution;
using static Sip2.Net.Tests.Access.AccessFixture;
using Sip2.Net.Access.Internal;

namespace Sip2.Net.Tests.Access;

/// <summary>
/// What the registry store contract (InMemoryStoreContractTests, from Sip2.Net.Testing.Xunit) does not cover: the
/// registration record's defaults, address normalisation as a property, and the in-memory store's own vendor catalogue.
/// </summary>
public sealed class RegistryRuleTests
{
    [Fact]
    public void A_new_registration_defaults_to_IBM850_local_resolution_default_vendor_activated()
    {
        var registration = Registration(Kiosk);
        Assert.Equal(Sip2CharacterEncoding.Ibm850, registration.Encoding);
        Assert.Equal(Sip2ResolutionLevel.LocalInstitutionOnly, registration.ResolutionLevel);
        Assert.Equal("Default", registration.Vendor);
        Assert.True(registration.Activated);
    }

    [FsCheck.Xunit.Property]
    public bool Any_IPv4_address_and_its_IPv4_mapped_form_normalise_to_the_same_key(uint value)
    {
        var v4 = new IPAddress(value);
        return Sip2IPAddresses.Normalize(v4.MapToIPv6()).Equals(v4) && Sip2IPAddresses.Normalize(v4).Equals(v4);
    }

    [Fact]
    public async Task A_custom_vendor_profile_can_be_named_once_registered()
    {
        var vendors = new Sip2.Net.Vendors.Sip2VendorProfileCatalog();
        vendors.Register(new Sip2.Net.Vendors.Sip2VendorProfile { Name = "Acme" });
        var withAcme = Directory(vendors: vendors);
        Assert.True((await withAcme.CreateAsync(Registration(Kiosk) with { Vendor = "acme" })).Succeeded);
        Assert.Equal(Sip2RegistryRule.UnknownVendor, (await Directory().CreateAsync(Registration(Kiosk) with { Vendor = "acme" })).Error?.Rule);
    }
}

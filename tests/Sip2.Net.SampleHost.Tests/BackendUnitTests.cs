using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sip2.Net.Access;
using Sip2.Net.Messages;
using Sip2.Net.Resolution;
using Sip2.Net.SampleHost.Library;
using Sip2.Net.Server;
using Sip2.Net.Vendors;

namespace Sip2.Net.SampleHost.Tests;

/// <summary>
/// The sample back end called directly, as an integrator tests a back end of their own: a Sip2RequestContext made in
/// the test, no socket, no server.
/// </summary>
public sealed class BackendUnitTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLibrarySystem library;
    private readonly Sip2RequestContext context;

    public BackendUnitTests()
    {
        var data = LibraryDataFile.Load(Path.Combine(AppContext.BaseDirectory, "data", "library.json"), ["NORTH", "SOUTH", "ELM"]);
        library = new InMemoryLibrarySystem(data, time);
        var binding = new Sip2SessionBinding
        {
            Registration = new Sip2ClientRegistration { Id = Guid.NewGuid(), IPAddress = IPAddress.Loopback, InstitutionId = "NORTH", BranchId = "MAIN" },
            Institution = new Sip2Institution { Id = "NORTH" },
            BranchConfiguration = new Sip2BranchConfiguration { InstitutionId = "NORTH", BranchId = "MAIN" },
            VendorProfile = Sip2VendorProfileCatalog.Default,
            Scope = new Sip2ResolutionScope("NORTH", Sip2ResolutionLevel.LocalInstitutionOnly),
        };
        context = new Sip2RequestContext(binding, IPAddress.Loopback, timeProvider: time);
    }

    private PatronEnableRequest Enable(string patron, string? pin) => new()
    {
        TransactionDate = context.Now, InstitutionId = "NORTH", PatronIdentifier = patron, PatronPassword = pin,
    };

    [Fact]
    public async Task Patron_Enable_with_a_wrong_PIN_names_a_valid_patron_with_an_invalid_password_and_keeps_the_block()
    {
        var wrong = await library.PatronEnableAsync(Enable("21003", "0000"), context);
        Assert.Equal((true, false), (wrong.ValidPatron, wrong.ValidPatronPassword));
        Assert.True(wrong.PatronStatus.HasFlag(PatronStatus.ChargePrivilegesDenied));

        var right = await library.PatronEnableAsync(Enable("21003", "3456"), context);
        Assert.Equal((true, true), (right.ValidPatron, right.ValidPatronPassword));
        Assert.Equal(PatronStatus.None, right.PatronStatus);
    }

    [Fact]
    public async Task Patron_Enable_for_an_unknown_patron_says_the_patron_is_not_valid()
    {
        var unknown = await library.PatronEnableAsync(Enable("29999", "1234"), context);
        Assert.False(unknown.ValidPatron ?? false);
    }

    [Fact]
    public void A_refusal_is_the_requests_own_failure_response_with_the_catalogues_text()
    {
        var checkout = new CheckoutRequest { TransactionDate = context.Now, InstitutionId = "NORTH", PatronIdentifier = "21001", ItemIdentifier = "31001", TerminalPassword = "" };
        CheckoutResponse refused = context.Refuse(checkout, Sip2MessageScenario.ItemNotFound);
        Assert.False(refused.Ok);
        Assert.Equal(("21001", "31001", "NORTH"), (refused.PatronIdentifier, refused.ItemIdentifier, refused.InstitutionId));
        Assert.Equal([Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.ItemNotFound)], refused.ScreenMessages);
        Assert.Equal(context.Now, refused.TransactionDate);
    }
}

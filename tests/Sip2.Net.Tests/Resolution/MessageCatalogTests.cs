using Sip2.Net.Resolution;
using Sip2.Net.Resolution.Internal;

namespace Sip2.Net.Tests.Resolution;

public sealed class MessageCatalogTests
{
    [Fact]
    public void Every_scenario_has_a_default_text_that_fits_a_screen_message()
    {
        foreach (var scenario in Enum.GetValues<Sip2MessageScenario>())
        {
            Assert.Contains(scenario, Sip2MessageCatalog.Scenarios);
            var text = Sip2MessageCatalog.GetDefaultText(scenario);
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.True(text.Length <= Sip2MessageCatalog.MaxTextLength);
            Assert.DoesNotContain('|', text);
        }
    }

    [Fact]
    public void The_model_scenarios_are_all_there()
    {
        var required = new[]
        {
            Sip2MessageScenario.PatronNotFound, Sip2MessageScenario.PatronOutOfScope, Sip2MessageScenario.InvalidPatronPassword,
            Sip2MessageScenario.ItemNotFound, Sip2MessageScenario.ItemOutOfScope, Sip2MessageScenario.PatronBlocked,
            Sip2MessageScenario.RenewalLimitReached, Sip2MessageScenario.ItemOnHoldForAnotherPatron, Sip2MessageScenario.FeeMustBeAcknowledged,
            Sip2MessageScenario.MessageNotSupported, Sip2MessageScenario.LoginRefused, Sip2MessageScenario.BackEndUnavailable,
        };
        Assert.All(required, s => Assert.Contains(s, Sip2MessageCatalog.Scenarios));
    }

    [Fact]
    public void An_override_applies_to_its_institution_only()
    {
        var catalog = new Sip2MessageCatalog();
        catalog.SetOverride("A", Sip2MessageScenario.PatronOutOfScope, "Please use your A-card.");

        Assert.Equal("Please use your A-card.", catalog.GetText(Sip2MessageScenario.PatronOutOfScope, "A"));
        Assert.Equal("Please use your A-card.", catalog.GetText(Sip2MessageScenario.PatronOutOfScope, "a"));
        Assert.True(catalog.IsCustomized(Sip2MessageScenario.PatronOutOfScope, "A"));
        Assert.Equal(Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.PatronOutOfScope), catalog.GetText(Sip2MessageScenario.PatronOutOfScope, "B"));
        Assert.Equal(Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.PatronOutOfScope), catalog.GetText(Sip2MessageScenario.PatronOutOfScope, null));
        Assert.Equal(Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.ItemNotFound), catalog.GetText(Sip2MessageScenario.ItemNotFound, "A"));
    }

    [Fact]
    public void Removing_an_override_restores_the_default()
    {
        var catalog = new Sip2MessageCatalog();
        catalog.SetOverride("A", Sip2MessageScenario.ItemNotFound, "Nope.");
        catalog.SetOverride("A", Sip2MessageScenario.ItemNotFound, "Not here.");
        Assert.Equal("Not here.", catalog.GetText(Sip2MessageScenario.ItemNotFound, "A"));

        Assert.True(catalog.RemoveOverride("A", Sip2MessageScenario.ItemNotFound));
        Assert.False(catalog.RemoveOverride("A", Sip2MessageScenario.ItemNotFound));
        Assert.Equal(Sip2MessageCatalog.GetDefaultText(Sip2MessageScenario.ItemNotFound), catalog.GetText(Sip2MessageScenario.ItemNotFound, "A"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a|b")]
    [InlineData("line\rbreak")]
    public void Texts_a_screen_message_cannot_carry_are_refused(string text)
    {
        var catalog = new Sip2MessageCatalog();
        Assert.Throws<ArgumentException>(() => catalog.SetOverride("A", Sip2MessageScenario.ItemNotFound, text));
        Assert.Throws<ArgumentException>(() => catalog.SetOverride("A", Sip2MessageScenario.ItemNotFound, new string('x', 256)));
        Assert.False(catalog.IsCustomized(Sip2MessageScenario.ItemNotFound, "A"));
    }

    [Fact]
    public void A_refusal_of_the_resolution_strategy_picks_the_institution_text()
    {
        var catalog = new Sip2MessageCatalog();
        catalog.SetOverride("A", Sip2MessageScenario.ItemOutOfScope, "This item belongs to another library.");
        var scope = new Sip2ResolutionScope("A", Sip2ResolutionLevel.LocalInstitutionOnly);

        var decision = ResolutionLevelSelector.Default.ResolveItem(scope, "B");

        Assert.Equal("This item belongs to another library.", catalog.GetText(decision.Scenario!.Value, scope.InstitutionId));
    }
}

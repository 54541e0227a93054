using Sip2.Net.Resolution;
using Sip2.Net.Resolution.Internal;

namespace Sip2.Net.Tests.Resolution;

/// <summary>Section 3 of registration-model.md: local institution only vs whole group, for patrons, items and ILL temporary items.</summary>
public sealed class ResolutionTests
{
    // Institution A belongs to group G with B; C is in no group of A's.
    private static Sip2ResolutionScope Scope(Sip2ResolutionLevel level) => new("A", level, "G", new[] { "A", "B" });

    private static readonly ResolutionLevelSelector Selector = ResolutionLevelSelector.Default;

    [Theory]
    [InlineData("A", true)]
    [InlineData("a", true)]
    [InlineData("B", false)]
    [InlineData("C", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Local_only_recognises_patrons_and_items_of_the_own_institution(string? institution, bool inScope)
    {
        var scope = Scope(Sip2ResolutionLevel.LocalInstitutionOnly);

        var patron = Selector.ResolvePatron(scope, institution);
        var item = Selector.ResolveItem(scope, institution);

        Assert.Equal(inScope, patron.IsInScope);
        Assert.Equal(inScope, item.IsInScope);
        Assert.Equal(inScope ? null : Sip2MessageScenario.PatronOutOfScope, patron.Scenario);
        Assert.Equal(inScope ? null : Sip2MessageScenario.ItemOutOfScope, item.Scenario);
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("B", true)]
    [InlineData("b", true)]
    [InlineData("C", false)]
    [InlineData(null, false)]
    public void Whole_group_recognises_patrons_and_items_of_every_member(string? institution, bool inScope)
    {
        var scope = Scope(Sip2ResolutionLevel.WholeGroup);

        Assert.Equal(inScope, Selector.ResolvePatron(scope, institution).IsInScope);
        Assert.Equal(inScope, Selector.ResolveItem(scope, institution).IsInScope);
        if (!inScope)
        {
            Assert.Equal(Sip2MessageScenario.PatronOutOfScope, Selector.ResolvePatron(scope, institution).Scenario);
            Assert.Equal(Sip2MessageScenario.ItemOutOfScope, Selector.ResolveItem(scope, institution).Scenario);
        }
    }

    [Fact]
    public void ILL_temporary_items_are_a_whole_group_privilege()
    {
        var local = Scope(Sip2ResolutionLevel.LocalInstitutionOnly);
        var group = Scope(Sip2ResolutionLevel.WholeGroup);

        Assert.False(Selector.ResolveInterlibraryLoanItem(local, "A").IsInScope);
        Assert.Equal(Sip2MessageScenario.ItemOutOfScope, Selector.ResolveInterlibraryLoanItem(local, "A").Scenario);
        Assert.True(Selector.ResolveInterlibraryLoanItem(group, "A").IsInScope);
        Assert.True(Selector.ResolveInterlibraryLoanItem(group, "B").IsInScope);
        Assert.False(Selector.ResolveInterlibraryLoanItem(group, "C").IsInScope);
    }

    [Fact]
    public void An_institution_in_no_group_sees_only_itself_even_at_whole_group_level()
    {
        var scope = new Sip2ResolutionScope("C", Sip2ResolutionLevel.WholeGroup);
        Assert.True(Selector.ResolvePatron(scope, "C").IsInScope);
        Assert.False(Selector.ResolvePatron(scope, "A").IsInScope);
        Assert.Equal(new[] { "C" }, scope.GroupMemberIds);
    }

    [Fact]
    public void The_selector_uses_the_strategy_of_each_scope_level()
    {
        Assert.IsType<LocalInstitutionOnlyResolution>(ResolutionLevelSelector.Default.For(Sip2ResolutionLevel.LocalInstitutionOnly));
        Assert.IsType<WholeGroupResolution>(ResolutionLevelSelector.Default.For(Sip2ResolutionLevel.WholeGroup));
        Assert.IsType<LocalInstitutionOnlyResolution>(ResolutionLevelSelector.Default.For((Sip2ResolutionLevel)99));
    }

    [Fact]
    public void Integrators_can_replace_the_strategy_of_a_level()
    {
        var selector = new ResolutionLevelSelector(new Dictionary<Sip2ResolutionLevel, IResolutionStrategy>
        {
            [Sip2ResolutionLevel.WholeGroup] = new NoPatronsFromB(),
        });
        var scope = Scope(Sip2ResolutionLevel.WholeGroup);

        Assert.True(selector.ResolvePatron(scope, "A").IsInScope);
        Assert.Equal(Sip2MessageScenario.PatronBlocked, selector.ResolvePatron(scope, "B").Scenario);
        Assert.False(selector.ResolvePatron(Scope(Sip2ResolutionLevel.LocalInstitutionOnly), "B").IsInScope);
    }

    [Fact]
    public void A_scope_needs_an_institution()
    {
        Assert.Throws<ArgumentException>(() => new Sip2ResolutionScope("", Sip2ResolutionLevel.WholeGroup));
    }

    // A consortium rule of the kind integrators write: the group, except patrons of B.
    private sealed class NoPatronsFromB : IResolutionStrategy
    {
        public Sip2ResolutionDecision ResolvePatron(Sip2ResolutionScope scope, string? patronInstitutionId) =>
            string.Equals(patronInstitutionId, "B", StringComparison.OrdinalIgnoreCase)
                ? Sip2ResolutionDecision.OutOfScope(Sip2MessageScenario.PatronBlocked)
                : WholeGroupResolution.Instance.ResolvePatron(scope, patronInstitutionId);

        public Sip2ResolutionDecision ResolveItem(Sip2ResolutionScope scope, string? owningInstitutionId) =>
            WholeGroupResolution.Instance.ResolveItem(scope, owningInstitutionId);

        public Sip2ResolutionDecision ResolveInterlibraryLoanItem(Sip2ResolutionScope scope, string? holdingInstitutionId) =>
            WholeGroupResolution.Instance.ResolveInterlibraryLoanItem(scope, holdingInstitutionId);
    }
}

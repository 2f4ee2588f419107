using Matcher.Core.Postings;
using Matcher.Core.Reports;

namespace Matcher.Core.Tests.Reports;

public class SuggestionsTests
{
    [Fact]
    public void Gaps_come_first_by_kind_and_met_requirements_get_no_advice()
    {
        var suggestions = Suggestions.For(ReportFixtures.Sample());

        Assert.Equal(["r2", "r3"], suggestions.Select(s => s.RequirementId));
        Assert.Equal(RequirementKind.Required, suggestions[0].Kind);
    }

    [Fact]
    public void Advice_for_a_missing_degree_says_the_gap_is_real_unless_the_candidate_has_one()
    {
        var advice = Suggestions.For(ReportFixtures.Sample())[0].Advice;

        Assert.StartsWith("This is a required qualification.", advice, StringComparison.Ordinal);
        Assert.Contains("If you have one, add it", advice, StringComparison.Ordinal);
        Assert.Contains("real gap", advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Advice_for_a_partial_match_quotes_the_closest_line_instead_of_inventing_one()
    {
        var advice = Suggestions.For(ReportFixtures.Sample())[1].Advice;

        Assert.Contains("“Built Excel dashboards”", advice, StringComparison.Ordinal);
        Assert.DoesNotContain("required qualification", advice, StringComparison.Ordinal);
    }
}

using Matcher.Core.Postings;
using Matcher.Core.Reports;
using static Matcher.Core.Tests.Reports.ReportFixtures;

namespace Matcher.Core.Tests.Reports;

public class ReportComparisonTests
{
    private static readonly Evidence Sql = new("Wrote SQL reports for finance", "Experience", 0.7);
    private static readonly Evidence Degree = new("BSc Statistics, University of Leeds", "Education", 0.8);

    private static MatchReport Older() => Report(
        Row("r1", "SQL for analysis", RequirementKind.Required, RequirementCategory.Skill, MatchStatus.Met, 0.9, Sql),
        Row("r2", "Bachelor's degree in a quantitative field", RequirementKind.Required, RequirementCategory.Education, MatchStatus.Missing, 0.1),
        Row("r3", "Tableau or similar", RequirementKind.Preferred, RequirementCategory.Skill, MatchStatus.Partial, 0.5),
        Row("r4", "Python", RequirementKind.Required, RequirementCategory.Skill, MatchStatus.Met, 0.8),
        Row("r5", "Stakeholder communication", RequirementKind.Preferred, RequirementCategory.SoftSkill, MatchStatus.Missing, 0.2)) with { Score = 48 };

    private static MatchReport Newer() => Report(
        Row("r1", "SQL for analysis", RequirementKind.Required, RequirementCategory.Skill, MatchStatus.Met, 0.92, Sql),
        Row("r2", "Bachelor's degree in a quantitative field", RequirementKind.Required, RequirementCategory.Education, MatchStatus.Met, 0.95, Degree),
        Row("r3", "Tableau or similar", RequirementKind.Preferred, RequirementCategory.Skill, MatchStatus.Partial, 0.55),
        Row("r4", "Python", RequirementKind.Required, RequirementCategory.Skill, MatchStatus.Partial, 0.5),
        Row("r5", "Stakeholder communication", RequirementKind.Preferred, RequirementCategory.SoftSkill, MatchStatus.Missing, 0.15)) with { Score = 71.5 };

    [Fact]
    public void Sorts_each_requirement_into_improved_still_missing_got_worse_or_unchanged_met()
    {
        var comparison = ReportComparison.Compare(Older(), Newer());

        Assert.Equal(["r2"], comparison.In(ChangeGroup.Improved).Select(c => c.Id));
        Assert.Equal(["r3", "r5"], comparison.In(ChangeGroup.StillMissing).Select(c => c.Id));
        Assert.Equal(["r4"], comparison.In(ChangeGroup.GotWorse).Select(c => c.Id));
        Assert.Equal(["r1"], comparison.In(ChangeGroup.UnchangedMet).Select(c => c.Id));
    }

    [Fact]
    public void Keeps_both_statuses_and_quotes_the_newer_cv()
    {
        var change = ReportComparison.Compare(Older(), Newer()).Changes.Single(c => c.Id == "r2");

        Assert.Equal(MatchStatus.Missing, change.Before);
        Assert.Equal(MatchStatus.Met, change.After);
        Assert.Equal(0.1, change.ScoreBefore);
        Assert.Equal(0.95, change.ScoreAfter);
        Assert.Equal([Degree], change.EvidenceAfter);
    }

    [Fact]
    public void The_delta_is_the_newer_score_minus_the_older()
    {
        var comparison = ReportComparison.Compare(Older(), Newer());

        Assert.Equal(48, comparison.ScoreBefore);
        Assert.Equal(71.5, comparison.ScoreAfter);
        Assert.Equal(23.5, comparison.Delta);
        Assert.Equal(-23.5, ReportComparison.Compare(Newer(), Older()).Delta);
    }

    [Fact]
    public void Pairs_renumbered_requirements_by_text_and_lists_the_rest_apart()
    {
        var newer = Newer();
        var renumbered = newer with
        {
            Requirements =
            [
                newer.Requirements[1] with { Id = "q9", Text = "  bachelor's degree in a   quantitative field " },
                Row("q10", "Experience with dbt", RequirementKind.Preferred, RequirementCategory.Skill, MatchStatus.Missing, 0.1),
            ],
        };

        var comparison = ReportComparison.Compare(Older(), renumbered);

        var paired = Assert.Single(comparison.Changes);
        Assert.Equal(ChangeGroup.Improved, paired.Group);
        Assert.Equal(MatchStatus.Missing, paired.Before);
        Assert.Equal(["Experience with dbt"], comparison.OnlyAfter);
        Assert.Equal(["SQL for analysis", "Tableau or similar", "Python", "Stakeholder communication"], comparison.OnlyBefore);
    }
}

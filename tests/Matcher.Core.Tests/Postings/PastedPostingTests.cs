using Matcher.Core.Postings;
using static Matcher.Core.Tests.Postings.PostingFixtures;

namespace Matcher.Core.Tests.Postings;

/// <summary>
/// A posting pasted from a job board the way people copy it: the company alone under the title, a "who may
/// apply" line among the prose, catch-all duties, the aim of the role, remote-work conditions, an item run into
/// the pay sentence, and a competency framework.
/// </summary>
public sealed class PastedPostingTests
{
    private static Posting Pasted() => Read("shapes/job-board-paste.txt");

    private static Position Position() => Pasted().Positions.Single();

    [Fact]
    public void Reads_the_company_when_the_board_states_no_place_under_it()
    {
        var posting = Pasted();

        Assert.Equal("Harbourline Utilities", posting.Company);
        Assert.Null(posting.Location);
        Assert.DoesNotContain("Harbourline Utilities\n", posting.Positions.Single().Summary ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_a_line_that_says_who_may_apply_as_a_requirement()
    {
        var requirement = Assert.Single(Position().Requirements, r => r.Text.Contains("Final-year college students", StringComparison.Ordinal));

        Assert.Equal(RequirementKind.Required, requirement.Kind);
        Assert.DoesNotContain("Eligible Candidates", Position().Summary ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Other duties as assigned.")]
    [InlineData("Performs related administrative tasks as required.")]
    public void Never_scores_a_catch_all_duty(string line)
    {
        Assert.DoesNotContain(line, MatchableText(Position()));
        Assert.Equal(NotScoredReason.CatchAllDuty, Assert.Single(Pasted().NotScored, l => l.Text == line).Reason);
    }

    [Fact]
    public void Keeps_the_real_duties_beside_the_catch_all_ones()
    {
        Assert.Equal(
            ["Assign repair crews to outage tickets by priority and distance", "Keep customers informed of expected repair times",
             "Log every call and crew movement in the dispatch system"],
            Position().Responsibilities);
    }

    [Fact]
    public void Shows_the_aim_of_the_role_without_scoring_it()
    {
        Assert.DoesNotContain(MatchableText(Position()), t => t.Contains("goal of this role", StringComparison.Ordinal));
        Assert.Equal(NotScoredReason.RolePurpose, Assert.Single(Pasted().NotScored, l => l.Text.StartsWith("The goal of this role", StringComparison.Ordinal)).Reason);
    }

    [Theory]
    [InlineData("fully remote, hybrid or on site")]
    [InlineData("home internet connection")]
    public void Keeps_remote_work_arrangements_as_working_conditions(string fragment)
    {
        Assert.DoesNotContain(MatchableText(Position()), t => t.Contains(fragment, StringComparison.Ordinal));
        var line = Assert.Single(Pasted().NotScored, l => l.Text.Contains(fragment, StringComparison.Ordinal));
        Assert.Equal(NotScoredReason.WorkingConditions, line.Reason);
        Assert.True(line.IsCondition);
    }

    [Fact]
    public void Cuts_an_item_run_into_the_pay_sentence_off_and_reads_it()
    {
        Assert.Contains(Position().Requirements, r => r.Text == "Calm under pressure");
        Assert.Contains(Pasted().NotScored, l => l.Text.StartsWith("Pay is based on experience", StringComparison.Ordinal));
    }

    [Fact]
    public void Does_not_cut_a_sentence_that_opens_with_its_subject()
    {
        var posting = new PostingReader().ReadText(
            "Night Nurse\n\nRequirements\nA current nursing registration\nOur support group Northside Care is a fast-growing team of nurses.\n");

        Assert.DoesNotContain(MatchableText(posting.Positions.Single()), t => t.StartsWith("Our support group", StringComparison.Ordinal));
        Assert.Contains(posting.NotScored, l => l.Text.StartsWith("Our support group Northside Care", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_a_competency_framework_as_one_requirement_naming_each_competency()
    {
        var position = Position();

        var competencies = Assert.Single(position.Requirements, r => r.Text.StartsWith("Competencies:", StringComparison.Ordinal));
        Assert.Equal("Competencies: Communication, Judgement, Reliability", competencies.Text);
        Assert.DoesNotContain(position.Requirements, r => r.Text.Contains("Weighs risks", StringComparison.Ordinal));
        Assert.Contains(position.Requirements, r => r.Text == "Must type at least 35 words per minute");
    }

    [Fact]
    public void Explains_where_each_competency_row_went()
    {
        var reading = new PostingReader().Explain(File.ReadAllBytes(PathOf("shapes/job-board-paste.txt")), "job-board-paste.txt", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, reading.Lines.Count(l => l.Why.Contains("competencies", StringComparison.Ordinal) && l.Went.StartsWith("requirement", StringComparison.Ordinal)));
    }
}

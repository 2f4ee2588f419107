using Matcher.Core.Postings;
using Matcher.Data.Entities;
using Matcher.Data.Mapping;
using static Matcher.Core.Tests.Postings.PostingFixtures;

namespace Matcher.Core.Tests.Postings;

/// <summary>Text that is never scored stays visible with its reason; physical demands and schedule are conditions.</summary>
public sealed class NotScoredLineTests
{
    private static Posting Boilerplate() => Read("shapes/boilerplate-among-requirements.txt");

    [Fact]
    public void Scores_only_the_real_qualifications_among_boilerplate_lines()
    {
        var position = Boilerplate().Positions.Single();

        Assert.Equal(
            ["3+ years servicing industrial machinery", "Associate degree in electronics or equivalent experience", "Valid driver's license"],
            position.Requirements.Select(r => r.Text));
        Assert.Equal(3, position.Responsibilities.Count);
    }

    [Theory]
    [InlineData("Must be authorized to work", NotScoredReason.WorkAuthorisation)]
    [InlineData("background check", NotScoredReason.BackgroundCheck)]
    [InlineData("Able to lift 50 lbs", NotScoredReason.PhysicalDemands)]
    [InlineData("Monday - Friday", NotScoredReason.Schedule)]
    [InlineData("401(k)", NotScoredReason.Benefits)]
    [InlineData("Opportunities to grow", NotScoredReason.Benefits)]
    [InlineData("You will be trained", NotScoredReason.Benefits)]
    [InlineData("You will report to", NotScoredReason.PostingDetail)]
    [InlineData("proud sponsor", NotScoredReason.CompanyCommitment)]
    [InlineData("equal opportunity employer", NotScoredReason.EqualOpportunity)]
    [InlineData("need an accommodation", NotScoredReason.Accommodation)]
    [InlineData("kept confidential", NotScoredReason.AdditionalInformation)]
    [InlineData("Apply now", NotScoredReason.Navigation)]
    [InlineData("Founded in 2009", NotScoredReason.AboutCompany)]
    [InlineData("Best regards", NotScoredReason.Signature)]
    [InlineData("Talent Acquisition", NotScoredReason.Signature)]
    public void Keeps_each_unscored_line_visible_with_its_reason(string fragment, NotScoredReason reason)
    {
        var line = Assert.Single(Boilerplate().NotScored, l => l.Text.Contains(fragment, StringComparison.Ordinal));

        Assert.Equal(reason, line.Reason);
    }

    [Fact]
    public void Marks_physical_demands_and_schedule_as_conditions_of_the_job()
    {
        var conditions = Boilerplate().NotScored.Where(l => l.IsCondition).Select(l => l.Reason).ToList();

        Assert.Equal([NotScoredReason.PhysicalDemands, NotScoredReason.Schedule], conditions);
        Assert.StartsWith("condition:", Assert.Single(Boilerplate().NotScored, l => l.Reason == NotScoredReason.Schedule).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_navigation_lines_of_an_html_page_out_of_the_requirements()
    {
        var posting = Read("shapes/html-headings.html");

        Assert.DoesNotContain(MatchableText(posting.Positions.Single()), t => t is "Similar jobs" or "Apply now" or "Save");
        Assert.Equal(3, posting.NotScored.Count(l => l.Reason == NotScoredReason.Navigation));
    }

    [Fact]
    public void Stores_not_scored_lines_with_the_posting_and_still_reads_postings_stored_without_them()
    {
        var posting = Boilerplate();
        var entity = PostingMapping.ToEntity(posting, "owner", "text", "posting.txt", DateTimeOffset.UnixEpoch);

        var reloaded = PostingMapping.ToPosting(entity);
        Assert.Equal(posting.NotScored, reloaded.NotScored);

        var old = new PostingEntity
        {
            Id = Guid.NewGuid(), OwnerId = "owner", Title = "Old", SourceText = "text",
            FactsJson = """{"employmentType":"Full time","warnings":[]}""", Positions = [],
        };
        Assert.Empty(PostingMapping.ToPosting(old).NotScored);
        Assert.Equal("Full time", PostingMapping.ToPosting(old).EmploymentType);
        Assert.Contains("\"reason\":\"schedule\"", entity.FactsJson, StringComparison.Ordinal);
    }
}

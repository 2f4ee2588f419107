using Matcher.Core.Postings;
using static Matcher.Core.Tests.Postings.PostingFixtures;

namespace Matcher.Core.Tests.Postings;

/// <summary>Postings in the shapes people paste them: glued headings, UK criteria, "Label: value" lines, no headings, HTML pages.</summary>
public sealed class PostingShapeTests
{
    private static List<string> Required(Position position) =>
        position.Requirements.Where(r => r.Kind == RequirementKind.Required).Select(r => r.Text).ToList();

    private static List<string> Preferred(Position position) =>
        position.Requirements.Where(r => r.Kind == RequirementKind.Preferred).Select(r => r.Text).ToList();

    [Fact]
    public void Finds_headings_glued_to_the_end_of_a_paragraph_or_at_the_start_of_a_line()
    {
        var position = Read("shapes/glued-headings.txt").Positions.Single();

        Assert.Equal(
            ["Plan the picking and loading of each night shift", "Coach a crew of twelve associates",
             "Report damaged parcels to the day supervisor", "The lead signs off the loading checklist before trucks leave"],
            position.Responsibilities);
        Assert.Equal(
            ["Minimum 2 years leading a warehouse team", "Forklift certification", "Comfortable with handheld scanners and inventory software"],
            Required(position));
        Assert.Equal(["Experience with cold-chain goods"], Preferred(position));
        Assert.DoesNotContain(position.Summary ?? "", "Duties", StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_html_headings_from_h_tags_and_bold_text_inside_a_paragraph()
    {
        var position = Read("shapes/html-headings.html").Positions.Single();

        Assert.Equal(["Prepare soil samples for analysis", "Calibrate the spectrometer each morning"], position.Responsibilities);
        Assert.Contains("A degree in chemistry or a related science.", Required(position));
        Assert.Contains("1+ years of laboratory experience", Required(position));
        Assert.Contains("Experience with ICP-MS", Preferred(position));
        Assert.DoesNotContain(MatchableText(position), t => t.Contains("What you'll need", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_label_value_lines_as_posting_fields_never_as_title_words_or_requirements()
    {
        var posting = Read("shapes/label-value.txt");

        Assert.Equal("Data Analyst", posting.Title);
        Assert.Equal("Data Analyst", posting.Positions.Single().Title);
        Assert.Equal("Harbour Analytics", posting.Company);
        Assert.Equal("Leeds, UK", posting.Location);
        Assert.Equal("Full time", posting.EmploymentType);
        Assert.Equal(32000m, posting.Salary?.Min);
        Assert.Equal("Head of Finance", posting.Details["Reports to"]);
        Assert.Equal("Finance", posting.Details["Department"]);
        Assert.Equal("Day", posting.Details["Shift"]);
        Assert.Equal("37.5 per week", posting.Details["Hours"]);
        Assert.Equal("Monday to Friday, 9am-5pm", posting.Details["Schedule"]);
        Assert.Equal(["2+ years of SQL", "Experience with Power BI or Tableau"], Required(posting.Positions.Single()));
        Assert.DoesNotContain(AllText(posting), t => t.StartsWith("Title:", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_a_posting_without_headings_by_classifying_each_sentence_and_says_the_structure_was_inferred()
    {
        var posting = Read("shapes/no-headings.txt");
        var position = posting.Positions.Single();

        Assert.Equal(["1+ years of barista experience", "A food hygiene certificate"], Required(position));
        Assert.Equal(["Latte art skills are a plus."], Preferred(position));
        Assert.Equal(2, position.Responsibilities.Count);
        Assert.All(position.Responsibilities, r => Assert.StartsWith("You will", r, StringComparison.Ordinal));
        Assert.Contains(posting.NotScored, l => l.Reason == NotScoredReason.Schedule && l.Text.Contains("6am", StringComparison.Ordinal));
        Assert.Contains(posting.NotScored, l => l.Reason == NotScoredReason.HowToApply);
        Assert.Contains(posting.NotScored, l => l.Reason == NotScoredReason.AboutCompany);
        Assert.Contains(posting.Warnings, w => w.Contains("inferred", StringComparison.Ordinal));
    }

    [Fact]
    public void Splits_a_paragraph_under_a_requirements_heading_into_the_things_it_asks_for()
    {
        var position = Read("shapes/prose-requirements.txt").Positions.Single();

        Assert.Equal(
            ["3+ years of commercial driving", "A valid driver's license", "You plan routes well and stay calm when the day changes.",
             "A clean driving record is essential."],
            Required(position));
        Assert.Equal(["Experience with route-planning apps would be a plus."], Preferred(position));
        Assert.Equal(3, position.Requirements[0].MinYears);
    }

    [Fact]
    public void Reads_essential_criteria_as_required_and_desirable_criteria_as_preferred_without_their_headings()
    {
        var position = Read("shapes/essential-desirable.txt").Positions.Single();

        Assert.Equal(["Experience of working with the public", "Good literacy and numeracy", "Able to use a library management system"], Required(position));
        Assert.Equal(["NVQ Level 3 in Customer Service", "Experience of running children's reading groups"], Preferred(position));
        Assert.Equal(["Issue and return books at the front desk", "Help visitors find information and use the public computers"], position.Responsibilities);
        Assert.DoesNotContain(MatchableText(position), t => t.Contains("criteria", StringComparison.OrdinalIgnoreCase) || t.Contains("Specification", StringComparison.Ordinal));
    }
}

using Matcher.Core.Postings;
using static Matcher.Core.Tests.Postings.PostingFixtures;

namespace Matcher.Core.Tests.Postings;

/// <summary>The four seed postings, checked against what a correct parse must show.</summary>
public sealed class SeedPostingTests
{
    [Fact]
    public void Reads_one_machine_learning_engineer_position_with_title_glued_to_previous_sentence()
    {
        var posting = Read(Seed000);

        var position = Assert.Single(posting.Positions);
        Assert.Equal("Machine Learning Engineer", position.Title);
        Assert.Equal("Machine Learning Engineer", posting.Title);
        Assert.Contains("PlayStation", posting.Company);
        Assert.Contains("Sony Interactive Entertainment", posting.Company);
        Assert.Equal(5, position.Responsibilities.Count);
        Assert.Equal(11, position.Requirements.Count);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"r{i}"), position.Requirements.Select(r => r.Id));
        Assert.All(position.Requirements, r => Assert.Equal(RequirementKind.Required, r.Kind));
        Assert.StartsWith("Develop and apply machine learning", position.Responsibilities[0]);
        Assert.StartsWith("Experience using Unreal", position.Requirements[^1].Text);
    }

    [Fact]
    public void Keeps_privacy_notice_and_equal_opportunity_text_out_of_the_seed_000_position()
    {
        var position = Read(Seed000).Positions[0];

        Assert.All(MatchableText(position), text =>
        {
            Assert.DoesNotContain("personal information", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("identifiers", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Equal Opportunity", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Fair Chance", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("LI-SY1", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Repairs_mojibake_in_seed_000_and_keeps_company_marketing_aside()
    {
        var posting = Read(Seed000);

        Assert.All(AllText(posting), text => Assert.DoesNotContain("â€", text, StringComparison.Ordinal));
        Assert.Contains("Best Place to Play — its also", posting.AboutCompany);
        Assert.Contains(posting.Warnings, w => w.Contains("encoding", StringComparison.Ordinal));
        Assert.DoesNotContain("Best Place to Play", posting.Positions[0].Summary);
    }

    [Fact]
    public void Reads_bachelor_degree_or_equivalent_from_seed_000()
    {
        var degree = Assert.Single(Read(Seed000).Positions[0].Requirements, r => r.Degree is not null);

        Assert.Equal(DegreeLevel.Bachelor, degree.Degree);
        Assert.True(degree.EquivalentExperienceAccepted);
        Assert.Equal(RequirementCategory.Education, degree.Category);
    }

    [Fact]
    public void Parses_eleven_positions_from_internship_brochure()
    {
        var posting = Read(Seed001);

        Assert.Equal(11, posting.Positions.Count);
        Assert.Equal("Computational Photography, Next Generation Image Sensing Technology Researcher", posting.Positions[0].Title);
        Assert.Equal("Research Engineer, Audio Signal Processing", posting.Positions[8].Title);
        Assert.Equal("Robotics, Engineer / Researcher", posting.Positions[9].Title);
        Assert.Equal("Deep Learning, Researcher/Research Engineer/Software Engineer", posting.Positions[5].Title);
        Assert.Equal(11, posting.Positions.Select(p => p.Title).Distinct().Count());
        Assert.All(posting.Positions, p => Assert.NotEmpty(p.Responsibilities));
        Assert.All(posting.Positions, p => Assert.Empty(p.Requirements));
    }

    [Fact]
    public void Gives_each_brochure_position_its_product_area_and_its_own_responsibilities()
    {
        var positions = Read(Seed001).Positions;

        Assert.All(positions, p => Assert.False(string.IsNullOrWhiteSpace(p.Details.GetValueOrDefault("Product area"))));
        Assert.Equal("Robotics, Game(PlayStation), Entertainment", positions[2].Details["Product area"]);
        Assert.StartsWith("Consumer/professional digital imaging products", positions[0].Details["Product area"]);
        Assert.Equal(
            ["Investigation of possible technical options to achieve functionality enhancement or image/video quality enhancement.",
             "Conducting research and image/video processing algorithm development to achieve above purpose communicating with engineers closely",
             "Providing algorithm description document, reference code in the specified programming language, and regular research reports"],
            positions[0].Responsibilities);
        // A bullet broken by a page boundary is joined again.
        Assert.Contains("Research of technological trends in the target robot control based on machine learning areas.", positions[3].Responsibilities);
        Assert.DoesNotContain(positions.SelectMany(p => p.Responsibilities), r => r.StartsWith("No. Job Title", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_brochure_location_period_allowance_and_selection_as_posting_details()
    {
        var posting = Read(Seed001);

        Assert.Equal("Sony Global Internship 2022", posting.Title);
        Assert.Contains("Tokyo", posting.Location);
        Assert.Contains("Kanagawa", posting.Location);
        Assert.Contains("8-10 weeks", posting.Details["Internship Period"]);
        Assert.Contains("JPY 7,000", posting.Details["Allowance and Benefit"]);
        Assert.Contains("Submit your CV", posting.Details["Selection Process"]);
        Assert.Equal("Internship", posting.EmploymentType);
    }

    [Fact]
    public void Reads_apple_json_ld_facts()
    {
        var posting = Read(Seed002);

        Assert.Equal("Machine Learning Engineer - Apple Media Products", posting.Title);
        Assert.Equal("Apple", posting.Company);
        Assert.StartsWith("Seattle, WA", posting.Location);
        Assert.Equal(new Salary("USD", 114000m, 157000m, "year"), posting.Salary);
        Assert.Equal(new DateOnly(2021, 7, 11), posting.DatePosted);
        Assert.Equal(new DateOnly(2021, 8, 10), posting.ValidThrough);
        Assert.Equal("Full time", posting.EmploymentType);
        Assert.Equal("60", posting.Details["Experience (months)"]);
        Assert.Equal("Machine Learning Engineer - Apple Media Products", Assert.Single(posting.Positions).Title);
    }

    [Fact]
    public void Reads_the_ten_key_qualifications_with_publication_record_preferred()
    {
        var requirements = Read(Seed002).Positions[0].Requirements;

        var keyQualifications = requirements.Take(10).ToList();
        Assert.StartsWith("At least three years of relevant experience", keyQualifications[0].Text);
        Assert.StartsWith("You bring passion and dedication", keyQualifications[9].Text);
        var preferred = Assert.Single(requirements, r => r.Kind == RequirementKind.Preferred);
        Assert.StartsWith("Good publication record", preferred.Text);
        Assert.EndsWith("desirable.", preferred.Text);
        Assert.Equal(3, keyQualifications[0].MinYears);
        Assert.Equal(12, requirements.Count);
    }

    [Fact]
    public void Reads_education_and_years_of_the_apple_posting_as_structured_requirements()
    {
        var requirements = Read(Seed002).Positions[0].Requirements;

        var education = Assert.Single(requirements, r => r.Category == RequirementCategory.Education);
        Assert.Equal(DegreeLevel.Master, education.Degree);
        Assert.True(education.EquivalentExperienceAccepted);
        Assert.StartsWith("MS or Ph.D", education.Text);

        var years = Assert.Single(requirements, r => r.Text.StartsWith("5 years", StringComparison.Ordinal));
        Assert.Equal(3, years.MinYears);
        Assert.Contains("3 years of related ML work experience with Ph.D", years.Text);
        Assert.Equal(RequirementKind.Required, years.Kind);
        Assert.Equal(RequirementCategory.Experience, years.Category);
    }

    [Fact]
    public void Decodes_the_double_escaped_html_of_the_apple_description()
    {
        var posting = Read(Seed002);

        Assert.All(AllText(posting), text =>
        {
            Assert.DoesNotContain("&lt;", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<br", text, StringComparison.Ordinal);
            Assert.DoesNotContain("&amp;", text, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(posting.Positions[0].Requirements, r => r.Text.Contains("Role Number", StringComparison.Ordinal));
        Assert.Equal("200255224", posting.Details["Role Number"]);
        Assert.Contains("Creating internal tools to support quality control of our media content.", posting.Positions[0].Responsibilities);
    }

    [Fact]
    public void Splits_amazon_basic_and_preferred_qualifications()
    {
        var posting = Read(Seed003);

        var requirements = posting.Positions.Single().Requirements;
        Assert.Equal(4, requirements.Count(r => r.Kind == RequirementKind.Required));
        var preferred = Assert.Single(requirements, r => r.Kind == RequirementKind.Preferred);
        Assert.StartsWith("Experience with full software development life cycle", preferred.Text);
        Assert.Equal("London", posting.Location);
        Assert.Equal("Amazon", posting.Company);
    }

    [Fact]
    public void Keeps_job_board_intro_equal_opportunity_and_accommodation_text_out_of_amazon_requirements()
    {
        var posting = Read(Seed003);

        Assert.All(MatchableText(posting.Positions[0]), text =>
        {
            Assert.DoesNotContain("myGwork", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("equal opportunit", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("accommodation", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("recruiter", text, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain("myGwork", posting.AboutCompany ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Contains("You must be a self-starter and be able to learn on the go.", posting.Positions[0].Responsibilities);
    }
}

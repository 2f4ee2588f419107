using Matcher.Core.Cvs;
using Matcher.Core.Cvs.Reading;
using Matcher.Core.Postings;
using Matcher.Core.Text;

namespace Matcher.Core.Tests.Cvs;

public sealed class CvPartsTests
{
    [Theory]
    [InlineData("2021-03 – 2023-09", 2021, 3, 2023, 9)]
    [InlineData("03/2021 - 09/2023", 2021, 3, 2023, 9)]
    [InlineData("Mar 2021 — Sep 2023", 2021, 3, 2023, 9)]
    [InlineData("March 2021 to September 2023", 2021, 3, 2023, 9)]
    [InlineData("Engineer, Acme (2019–2021)", 2019, 1, 2021, 1)]
    [InlineData("Okt. 2018 bis Mär 2020", 2018, 10, 2020, 3)]
    public void Parses_closed_date_ranges(string line, int startYear, int startMonth, int endYear, int endMonth)
    {
        var range = DateRangeParser.FindRange(line);

        Assert.NotNull(range);
        Assert.Equal(new YearMonth(startYear, startMonth), range.Start);
        Assert.Equal(new YearMonth(endYear, endMonth), range.End);
        Assert.False(range.IsCurrent);
    }

    [Theory]
    [InlineData("2019 – present")]
    [InlineData("Jan 2019 - Current")]
    [InlineData("01/2019 to now")]
    [InlineData("2019-01 – heute")]
    [InlineData("ene 2019 – actualidad")]
    [InlineData("since January 2019")]
    public void Parses_open_ranges_as_current(string line)
    {
        var range = DateRangeParser.FindRange(line);

        Assert.NotNull(range);
        Assert.Equal(new YearMonth(2019, 1), range.Start);
        Assert.True(range.IsCurrent);
        Assert.Null(range.End);
    }

    [Theory]
    [InlineData("Reduced costs by 2019 percent")]
    [InlineData("Call +49 30 1234567")]
    [InlineData("2023 – 2019")]
    public void Finds_no_range_where_there_is_none(string line) => Assert.Null(DateRangeParser.FindRange(line));

    [Theory]
    [InlineData("Work Experience", CvSection.Experience)]
    [InlineData("PROFESSIONAL EXPERIENCE", CvSection.Experience)]
    [InlineData("Employment History:", CvSection.Experience)]
    [InlineData("## Technical Skills", CvSection.Skills)]
    [InlineData("About me", CvSection.Summary)]
    [InlineData("Licenses & Certifications", CvSection.Certifications)]
    [InlineData("Berufserfahrung", CvSection.Experience)]
    [InlineData("Formación Académica", CvSection.Education)]
    [InlineData("Kenntnisse", CvSection.Skills)]
    public void Recognises_section_headings_in_usual_wordings(string line, CvSection section) =>
        Assert.Equal(section, CvSectionDetector.Match(CvLine.From(line))?.Section);

    [Fact]
    public void Inline_heading_carries_its_content_and_tools_line_inside_a_role_stays_in_the_role()
    {
        var blocks = CvSectionDetector.Split(CvLine.Split("Experience\nEngineer, Acme, 2020 – 2022\nTools: Docker, Git\n\nSkills: C#, SQL"));

        Assert.Equal([CvSection.Experience, CvSection.Skills], blocks.Select(b => b.Section));
        Assert.Contains(blocks[0].Lines, l => l.Text == "Tools: Docker, Git");
        Assert.Equal("C#, SQL", Assert.Single(blocks[1].Lines).Text);
    }

    [Fact]
    public void Splits_skills_on_separators_but_not_inside_parentheses_and_drops_case_duplicates()
    {
        var skills = ListSplitter.Split(CvLine.Split("Languages: Python (pandas, NumPy), SQL; Go | sql\n• Docker · CI/CD"));

        Assert.Equal(["Python (pandas, NumPy)", "SQL", "Go", "Docker", "CI/CD"], skills);
    }

    [Theory]
    [InlineData("Ph.D. in Physics", DegreeLevel.PhD)]
    [InlineData("Doctor of Philosophy", DegreeLevel.PhD)]
    [InlineData("MSc Data Science", DegreeLevel.Master)]
    [InlineData("Master's degree in Economics", DegreeLevel.Master)]
    [InlineData("MBA", DegreeLevel.Master)]
    [InlineData("B.S. Mechanical Engineering", DegreeLevel.Bachelor)]
    [InlineData("BA History", DegreeLevel.Bachelor)]
    [InlineData("Associate of Applied Science", DegreeLevel.Associate)]
    [InlineData("MS Computer Science, Boston University", DegreeLevel.Master)]
    [InlineData("MA in English, Boston, MA", DegreeLevel.Master)]
    public void Recognises_degree_levels(string text, DegreeLevel level) => Assert.Equal(level, DegreeVocabulary.Default.Find(text, inEducation: true)?.Level);

    [Theory]
    [InlineData("High school diploma")]
    [InlineData("Worked as a barista")]
    [InlineData("Proficient in MS Office and Excel")]
    [InlineData("Skilled with MS Excel, MS Word and MS PowerPoint")]
    [InlineData("Teller, First Bank, Springfield, MA")]
    public void Leaves_level_unset_for_other_qualifications(string text) => Assert.Null(DegreeVocabulary.Default.Find(text, inEducation: true)?.Level);

    [Fact]
    public void Total_years_counts_overlapping_months_once_and_runs_current_roles_to_today()
    {
        Role[] roles =
        [
            new() { Start = new(2021, 3), End = new(2023, 9) },
            new() { Start = new(2022, 1), End = new(2022, 12) },
            new() { Start = new(2023, 1), IsCurrent = true },
            new() { Start = new(2015, 1) },
        ];

        // 2021-03 to 2025-03 as one run; the role without an end adds nothing.
        Assert.Equal(4.0, ExperienceCalculator.TotalYears(roles, new YearMonth(2025, 3)));
        Assert.Equal(2.5, ExperienceCalculator.TotalYears(roles[..1], new YearMonth(2025, 3)));
    }

    [Theory]
    [InlineData("Senior Engineer, Acme Corp", "Senior Engineer", "Acme Corp")]
    [InlineData("Data Analyst at Globex", "Data Analyst", "Globex")]
    [InlineData("Initech GmbH — Backend Developer", "Backend Developer", "Initech GmbH")]
    [InlineData("Intern", "Intern", null)]
    [InlineData("Senior Software Engineer, Lumen Imaging Ltd — London", "Senior Software Engineer", "Lumen Imaging Ltd, London")]
    [InlineData("Northbridge Analytics | Data Engineer | Manchester", "Data Engineer", "Northbridge Analytics, Manchester")]
    [InlineData("Globex — Product Manager", "Product Manager", "Globex")]
    public void Splits_title_and_organization(string text, string title, string? organization) =>
        Assert.Equal((title, organization), ExperienceParser.SplitTitle(text));

    [Fact]
    public void Reads_organization_line_above_title_line_in_either_order()
    {
        var roles = ExperienceParser.Parse(CvLine.Split("Initech GmbH\nPlatform Engineer\n2019 – 2021\n• Ran the build farm"));

        var role = Assert.Single(roles);
        Assert.Equal(("Platform Engineer", "Initech GmbH"), (role.Title, role.Organization));
        Assert.Equal(["Ran the build farm"], role.Bullets);
    }

    [Fact]
    public void Joins_a_bullet_glyph_left_alone_on_its_line_to_the_next_line()
    {
        var lines = CvLine.Split("•\nShipped the billing API\nPlain line");

        Assert.Equal([new CvLine("Shipped the billing API", true), new CvLine("Plain line", false)], lines);
    }
}

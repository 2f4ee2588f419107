using Matcher.Core.Documents;
using Format = Matcher.Core.Documents.DocumentFormat;
using Matcher.Core.Postings;
using static Matcher.Core.Tests.Postings.PostingFixtures;

namespace Matcher.Core.Tests.Postings;

/// <summary>Postings in each text format Matcher reads, beyond the seeds.</summary>
public sealed class PostingFormatTests
{
    [Fact]
    public void Prefers_json_ld_inside_an_html_page()
    {
        var posting = Read("html-with-jsonld.html");

        Assert.Equal("Data Analyst, Fleet Operations", posting.Title);
        Assert.Equal("Northwind Logistics", posting.Company);
        Assert.Equal("Rotterdam, NL", posting.Location);
        Assert.Equal("Full time, Temporary", posting.EmploymentType);
        Assert.Equal(new Salary("EUR", 3800m, 4600m, "month"), posting.Salary);
        Assert.Equal(new DateOnly(2026, 4, 30), posting.ValidThrough);
        var position = Assert.Single(posting.Positions);
        Assert.Equal(3, position.Responsibilities.Count);
        Assert.Equal("Knowledge of vehicle routing problems.", Assert.Single(position.Requirements, r => r.Text.StartsWith("Knowledge", StringComparison.Ordinal)).Text);
        Assert.Equal(RequirementKind.Preferred, position.Requirements.Single(r => r.Text.StartsWith("Knowledge", StringComparison.Ordinal)).Kind);
        Assert.DoesNotContain(position.Requirements, r => r.Text.Contains("equal opportunity", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Adds_structured_json_ld_experience_and_education_when_the_text_states_none()
    {
        var requirements = Read("html-with-jsonld.html").Positions[0].Requirements;

        var years = Assert.Single(requirements, r => r.MinYears is not null);
        Assert.Equal(2, years.MinYears);
        var degree = Assert.Single(requirements, r => r.Degree is not null);
        Assert.Equal(DegreeLevel.Bachelor, degree.Degree);
        Assert.Equal(Enumerable.Range(1, requirements.Count).Select(i => $"r{i}"), requirements.Select(r => r.Id));
    }

    [Fact]
    public void Reads_visible_sections_of_an_html_page_without_json_ld()
    {
        var posting = Read("html-without-jsonld.html");

        Assert.Equal("Clinical Data Engineer", posting.Title);
        Assert.Equal("Lumen Health", posting.Company);
        Assert.Equal("Leeds, United Kingdom (hybrid)", posting.Location);
        Assert.Contains("safely & quickly", posting.AboutCompany);
        Assert.Contains("28 days of holiday", posting.Details["Benefits"]);
        Assert.Equal(new Salary("GBP", 48000m, 56000m, "year"), posting.Salary);
        var position = Assert.Single(posting.Positions);
        Assert.Equal(3, position.Responsibilities.Count);
        Assert.Equal(4, position.Requirements.Count);
        Assert.Equal(RequirementKind.Preferred, position.Requirements.Single(r => r.Text.Contains("FHIR", StringComparison.Ordinal)).Kind);
        Assert.Equal(3, position.Requirements[0].MinYears);
        Assert.All(AllText(posting), t => Assert.DoesNotContain("analytics", t, StringComparison.Ordinal));
        Assert.DoesNotContain(position.Requirements, r => r.Text.Contains("adjustments", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_markdown_headings_and_every_bullet_style()
    {
        var posting = Read("markdown-posting.md");

        Assert.Equal("Kestrel Payments", posting.Company);
        Assert.Equal("Lisbon, Portugal", posting.Location);
        Assert.Equal("Full time", posting.EmploymentType);
        Assert.Equal(new Salary("EUR", 55000m, 70000m, "year"), posting.Salary);
        var position = Assert.Single(posting.Positions);
        Assert.Equal("Senior Backend Developer (Go)", position.Title);
        Assert.Equal(
            ["Own the settlement service end to end, from design to on-call.",
             "Review code and mentor two mid-level developers.",
             "Improve the latency of the card authorisation path."],
            position.Responsibilities);
        Assert.Equal("5+ years of professional software development, at least 2 years with Go.", position.Requirements[0].Text);
        Assert.Equal(5, position.Requirements[0].MinYears);
        Assert.Equal(3, position.Requirements.Count(r => r.Kind == RequirementKind.Required));
        Assert.Equal(2, position.Requirements.Count(r => r.Kind == RequirementKind.Preferred));
        Assert.Equal(RequirementCategory.Language, position.Requirements.Single(r => r.Text.StartsWith("Portuguese", StringComparison.Ordinal)).Category);
        Assert.DoesNotContain(MatchableText(position), t => t.Contains("personal data", StringComparison.Ordinal));
    }

    [Fact]
    public void Marks_nice_to_have_a_plus_and_is_preferred_items_as_preferred_in_plain_text()
    {
        var position = Read("plain-inline-preferred.txt").Positions.Single();

        Assert.Equal("Junior Mobile Developer", position.Title);
        Assert.Equal(
            [RequirementKind.Required, RequirementKind.Required, RequirementKind.Preferred, RequirementKind.Preferred, RequirementKind.Preferred],
            position.Requirements.Select(r => r.Kind));
        Assert.Equal(1, position.Requirements[0].MinYears);
        Assert.Equal(DegreeLevel.Bachelor, position.Requirements[4].Degree);
        Assert.DoesNotContain(MatchableText(position), t => t.Contains("recruiter", StringComparison.OrdinalIgnoreCase) || t.Contains("LI-", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_a_german_posting_with_its_own_headings()
    {
        var posting = Read("german-posting.txt");

        var position = Assert.Single(posting.Positions);
        Assert.Equal("Softwareentwickler Java (m/w/d)", position.Title);
        Assert.Equal("Hamburg", posting.Location);
        Assert.Equal(3, position.Responsibilities.Count);
        Assert.Equal(3, position.Requirements.Count(r => r.Kind == RequirementKind.Required));
        Assert.Equal("Erfahrung mit Kubernetes", Assert.Single(position.Requirements, r => r.Kind == RequirementKind.Preferred).Text);
        Assert.Equal(3, position.Requirements.Single(r => r.Text.StartsWith("Mindestens", StringComparison.Ordinal)).MinYears);
    }

    [Fact]
    public void Reads_pasted_text_like_a_file()
    {
        var text = File.ReadAllText(PathOf("plain-inline-preferred.txt"));

        var pasted = new PostingReader().ReadText(text);

        Assert.Equal(Read("plain-inline-preferred.txt").Positions[0].Requirements, pasted.Positions[0].Requirements);
    }

    [Fact]
    public void Routes_html_and_json_by_content_when_the_text_comes_from_a_txt_file()
    {
        var reader = new PostingReader();
        var json = File.ReadAllText(PathOf(Seed002));
        var html = File.ReadAllText(PathOf("html-with-jsonld.html"));

        Assert.Equal("Apple", reader.Read(new DocumentContent(Format.PlainText, json)).Company);
        Assert.Equal("Northwind Logistics", reader.Read(new DocumentContent(Format.PlainText, html)).Company);
    }

    [Fact]
    public void Keeps_a_pay_transparency_paragraph_out_of_the_requirements_and_reads_its_range()
    {
        var posting = Read("uppercase-headings-with-pay.txt");

        var position = Assert.Single(posting.Positions);
        Assert.Equal("Software Development Engineer II, AWS Lambda", position.Title);
        Assert.Equal(3, position.Requirements.Count(r => r.Kind == RequirementKind.Required));
        Assert.Equal(2, position.Requirements.Count(r => r.Kind == RequirementKind.Preferred));
        Assert.DoesNotContain(position.Requirements, r => r.Text.Contains("base pay", StringComparison.Ordinal));
        Assert.Equal(new Salary("USD", 129300m, 223600m, "year"), posting.Salary);
        Assert.Contains("base pay", posting.Details["Pay"]);
    }

    [Fact]
    public void Takes_responsibilities_from_the_description_when_no_duties_are_listed()
    {
        var posting = Read("untitled-key-qualifications.txt");

        var position = Assert.Single(posting.Positions);
        Assert.Equal(["You will design and build features used by millions.", "You will work with design.", "You will own quality."], position.Responsibilities);
        Assert.Equal(5, position.Requirements.Count);
        Assert.Equal("200123456", posting.Details["Role Number"]);
        Assert.Equal(new DateOnly(2026, 1, 5), posting.DatePosted);
        Assert.Equal("Apple", posting.Company);
        Assert.Equal("Untitled position", position.Title);
        Assert.Contains(posting.Warnings, w => w.StartsWith("No job title found", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_a_job_ad_written_as_one_paragraph_by_its_sentences()
    {
        var posting = Read("prose-only.txt");

        var position = Assert.Single(posting.Positions);
        Assert.Equal("Barista", position.Title);
        var requirement = Assert.Single(position.Requirements);
        Assert.Equal(1, requirement.MinYears);
        Assert.Contains("You will prepare espresso drinks, serve customers and keep the bar clean.", position.Responsibilities);
        Assert.Contains(posting.Warnings, w => w.Contains("no headed sections", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_standalone_json_ld_with_separate_responsibility_and_qualification_fields()
    {
        var posting = Read("jsonld-separate-fields.json");

        Assert.Equal("St Aidan's Hospital", posting.Company);
        Assert.Equal("Galway, Ireland", posting.Location);
        Assert.Equal("Part time", posting.EmploymentType);
        Assert.Equal(new Salary("EUR", 31.5m, 31.5m, "hour"), posting.Salary);
        var position = Assert.Single(posting.Positions);
        Assert.Equal("Registered Nurse, Night Shift", position.Title);
        Assert.Equal(["Assess and monitor post-operative patients", "Give medication and keep accurate records"], position.Responsibilities);
        Assert.Equal(
            [RequirementKind.Required, RequirementKind.Required, RequirementKind.Preferred],
            position.Requirements.Select(r => r.Kind));
        Assert.Equal(2, position.Requirements[0].MinYears);
    }

    [Fact]
    public void Keeps_one_position_when_a_pdf_export_left_page_numbers_in_the_text()
    {
        var posting = Read("pdf-text-with-page-numbers.txt");

        var position = Assert.Single(posting.Positions);
        Assert.Equal("Warehouse Team Leader", position.Title);
        Assert.Equal(["Lead a shift of 15 pickers and loaders", "Plan daily workloads with the site manager"], position.Responsibilities);
        Assert.Equal(["2+ years of experience in a warehouse, including 1 year leading a team", "Forklift licence"], position.Requirements.Select(r => r.Text));
        Assert.Equal(2, position.Requirements[0].MinYears);
    }
}

/// <summary>The same posting as Markdown, PDF (text layer) and DOCX reads into the same structure.</summary>
public sealed class PostingDocumentFormatTests
{
    [Theory]
    [InlineData("markdown-posting.pdf", Format.Pdf)]
    [InlineData("markdown-posting.docx", Format.Docx)]
    public void A_pdf_or_docx_posting_reads_like_its_markdown_original(string file, Format format)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "fixtures", "postings", file));
        Assert.Equal(format, new DocumentReader().Read(bytes, file, cancellationToken: TestContext.Current.CancellationToken).Format);

        var original = Read("markdown-posting.md");
        var posting = new PostingReader().Read(bytes, file, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(original.Title, posting.Title);
        Assert.Equal("Kestrel Payments", posting.Company);
        var position = Assert.Single(posting.Positions);
        var expected = Assert.Single(original.Positions);
        Assert.Equal(expected.Responsibilities.Count, position.Responsibilities.Count);
        Assert.Equal(expected.Requirements.Select(r => (r.Kind, r.Category, r.MinYears)), position.Requirements.Select(r => (r.Kind, r.Category, r.MinYears)));
        Assert.Equal(2, position.Requirements.Count(r => r.Kind == RequirementKind.Preferred));
        Assert.DoesNotContain(position.Requirements, r => r.Text.Contains("privacy", StringComparison.OrdinalIgnoreCase));
    }
}

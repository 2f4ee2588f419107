using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Matcher.Core.Tests.Hostile;

namespace Matcher.Core.Tests.Cvs;

/// <summary>Reads each CV fixture and checks the fields a match depends on. "Today" is fixed at 2025-03.</summary>
public sealed class CvReaderTests
{
    [Theory]
    [InlineData("Executive Summary")]
    [InlineData("Curriculum Vitae")]
    [InlineData("Professional Experience Highlights")]
    public void A_heading_at_the_top_of_a_cv_is_never_read_as_the_name(string heading)
    {
        var cv = new CvReader().ReadText($"{heading}\nSeasoned retail banker with eight years of branch operations.\n\nExperience\nBank Teller, First Union 2015 - 2023\n");

        Assert.Null(cv.Contact.Name);
    }

    [Fact]
    public void A_name_above_an_unlisted_heading_is_still_the_name()
    {
        var cv = new CvReader().ReadText("Dana Whitfield\nExecutive Summary\nSeasoned retail banker.\n");

        Assert.Equal("Dana Whitfield", cv.Contact.Name);
        Assert.StartsWith("Seasoned retail banker", cv.Summary);
    }

    [Fact]
    public void Reads_contact_roles_education_and_skills_from_markdown_cv()
    {
        var cv = CvFixtures.Read("cv-markdown.md");

        Assert.Equal("Alex Morgan", cv.Contact.Name);
        Assert.Equal("alex.morgan@example.com", cv.Contact.Email);
        Assert.Equal("(555) 010-4477", cv.Contact.Phone);
        Assert.Equal(["https://github.com/alexmorgan-example", "https://alexmorgan.example.io"], cv.Contact.Links);
        Assert.StartsWith("Machine learning engineer who ships models", cv.Summary);

        Assert.Equal(3, cv.Experience.Count);
        var current = cv.Experience[0];
        Assert.Equal(("Machine Learning Engineer", "Orbital Labs"), (current.Title, current.Organization));
        Assert.Equal(new YearMonth(2021, 3), current.Start);
        Assert.True(current.IsCurrent);
        Assert.Null(current.End);
        Assert.Equal(["Trained and deployed ranking models serving 5M requests per day", "Built an offline evaluation harness in PyTorch"], current.Bullets);
        Assert.Equal((new YearMonth(2018, 9), new YearMonth(2019, 5)), (cv.Experience[2].Start!.Value, cv.Experience[2].End!.Value));

        Assert.Equal([DegreeLevel.PhD, DegreeLevel.Bachelor], cv.Education.Select(e => e.Level!.Value));
        Assert.Equal(("Computer Science", "University of Toronto", 2018), (cv.Education[0].Field, cv.Education[0].Institution, cv.Education[0].EndYear));

        // "python" repeats "Python" and is dropped; "A/B testing" and "scikit-learn" stay as written.
        Assert.Equal(["Python", "PyTorch", "scikit-learn", "SQL", "Docker", "Kubernetes", "MLOps", "A/B testing"], cv.Skills);
        Assert.Equal(["English (native)", "French (professional)"], cv.Languages);
        Assert.Equal(2, cv.Projects.Count);
        Assert.Single(cv.Publications);
        Assert.Empty(cv.Warnings);
    }

    [Fact]
    public void Counts_overlapping_roles_once_in_total_years()
    {
        // 2018-09..2019-05 (8 months) + 2019-06..2021-08 overlapping 2021-03..today (69 months) = 77 months.
        Assert.Equal(6.4, CvFixtures.Read("cv-markdown.md").TotalYearsExperience);
    }

    [Fact]
    public void Guesses_roles_education_and_skills_when_cv_has_no_headings()
    {
        var cv = CvFixtures.Read("cv-no-headings.txt");

        Assert.Equal(("Sam Carter", "sam.carter@example.com", "+1 415 555 0199"), (cv.Contact.Name, cv.Contact.Email, cv.Contact.Phone));
        Assert.Equal(2, cv.Experience.Count);
        Assert.Equal(("Backend Engineer", "Riverbank Payments", new YearMonth(2020, 1), true),
            (cv.Experience[0].Title, cv.Experience[0].Organization, cv.Experience[0].Start, cv.Experience[0].IsCurrent));
        Assert.Equal(("Software Developer", "Cobalt Systems", new YearMonth(2017, 3), new YearMonth(2021, 6)),
            (cv.Experience[1].Title, cv.Experience[1].Organization, cv.Experience[1].Start, cv.Experience[1].End));
        Assert.Equal(2, cv.Experience[0].Bullets.Count);
        Assert.Equal(DegreeLevel.Bachelor, Assert.Single(cv.Education).Level);
        Assert.Equal(["Go", "Java", "PostgreSQL", "Redis", "React", "Terraform"], cv.Skills);
        // 2017-03 to today (2025-03): the 2020 role overlaps the 2017–2021 one.
        Assert.Equal(8.0, cv.TotalYearsExperience);
        Assert.Contains(cv.Warnings, w => w.Contains("No section headings were found"));
    }

    [Fact]
    public void Office_software_in_a_cv_without_headings_is_not_read_as_a_masters_degree()
    {
        var text = "Jane Roe\njane.roe@example.com\n\nProficient in MS Office and Excel.\nOffice Assistant, Acme Supplies, 2019 - 2022\n";

        var cv = CvFixtures.Reader().Read(System.Text.Encoding.UTF8.GetBytes(text), "jane-roe.txt", cancellationToken: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(cv.Education, e => e.Level == DegreeLevel.Master);
    }

    [Fact]
    public void Reads_german_headings_dates_and_degrees()
    {
        var cv = CvFixtures.Read("cv-german.txt");

        Assert.Equal("Jana Müller", cv.Contact.Name);
        Assert.Equal(["DevOps Engineer", "Werkstudentin Softwareentwicklung"], cv.Experience.Select(r => r.Title));
        Assert.True(cv.Experience[0].IsCurrent);
        Assert.Equal(new YearMonth(2016, 10), cv.Experience[1].Start);
        Assert.Equal([DegreeLevel.Master, DegreeLevel.Bachelor], cv.Education.Select(e => e.Level!.Value));
        Assert.Equal("Technische Universität München", cv.Education[0].Institution);
        Assert.Equal(["C#", ".NET", "Terraform", "Kubernetes", "GitLab CI", "Azure"], cv.Skills);
        Assert.Equal(3, cv.Languages.Count);
        Assert.StartsWith("Softwareentwicklerin", cv.Summary);
    }

    [Fact]
    public void Reads_spanish_headings_and_month_names()
    {
        var cv = CvFixtures.Read("cv-spanish.md");

        Assert.Equal(("Analista de Datos Senior", "Banco Meridional", new YearMonth(2020, 1), true),
            (cv.Experience[0].Title, cv.Experience[0].Organization, cv.Experience[0].Start, cv.Experience[0].IsCurrent));
        Assert.Equal((new YearMonth(2017, 7), new YearMonth(2019, 12)), (cv.Experience[1].Start!.Value, cv.Experience[1].End!.Value));
        Assert.Equal([(DegreeLevel.Master, "Ciencia de Datos"), (DegreeLevel.Bachelor, "Economía")], cv.Education.Select(e => (e.Level!.Value, e.Field!)));
        Assert.Equal(["Python", "SQL", "Power BI", "Excel"], cv.Skills);
        Assert.Equal(["Español (nativo)", "Inglés (C1)"], cv.Languages);
    }

    [Fact]
    public void Reads_json_resume_directly()
    {
        var cv = CvFixtures.Read("cv-json-resume.json");

        Assert.Equal(("Maria Garcia", "maria.garcia@example.com"), (cv.Contact.Name, cv.Contact.Email));
        Assert.Contains("https://github.com/mgarcia-example", cv.Contact.Links);
        Assert.Equal(("Senior Frontend Engineer", "Brightline Media", new YearMonth(2022, 2), true),
            (cv.Experience[0].Title, cv.Experience[0].Organization, cv.Experience[0].Start, cv.Experience[0].IsCurrent));
        Assert.Contains("Cut bundle size by 35%", cv.Experience[0].Bullets);
        Assert.Equal(new YearMonth(2022, 3), cv.Experience[1].End);
        var education = Assert.Single(cv.Education);
        Assert.Equal((DegreeLevel.Bachelor, "Computer Science", "Rutgers University", 2018), (education.Level!.Value, education.Field, education.Institution, education.EndYear));
        Assert.Equal(["TypeScript", "React", "CSS", "Webpack", "Vite"], cv.Skills);
        Assert.Equal(["English (Native speaker)", "Spanish (Fluent)"], cv.Languages);
        Assert.Single(cv.Certifications);
        // 2018-09 to today (2025-03), the two roles overlapping by a month.
        Assert.Equal(6.5, cv.TotalYearsExperience);
    }

    [Fact]
    public void Reads_docx_cv_with_contact_in_header_and_education_table()
    {
        var cv = CvFixtures.Read("cv-with-list-and-table.docx");

        Assert.Equal(("Tomás Silva", "+351 21 123 4567"), (cv.Contact.Name, cv.Contact.Phone));
        Assert.Equal(("Lead UX Designer", "Lumen Health", new YearMonth(2022, 4), true),
            (cv.Experience[0].Title, cv.Experience[0].Organization, cv.Experience[0].Start, cv.Experience[0].IsCurrent));
        Assert.Equal((new YearMonth(2019, 1), new YearMonth(2022, 3)), (cv.Experience[1].Start!.Value, cv.Experience[1].End!.Value));
        Assert.Equal([("Master of Arts in Interaction Design", DegreeLevel.Master, "Universidade de Lisboa", 2019), ("Bachelor of Fine Arts in Graphic Design", DegreeLevel.Bachelor, "Universidade do Porto", 2017)],
            cv.Education.Select(e => (e.Degree!, e.Level!.Value, e.Institution!, e.EndYear!.Value)));
        Assert.Equal(["Figma", "User Research", "Prototyping", "Accessibility (WCAG 2.1)"], cv.Skills);
        Assert.Equal(["Google UX Design Certificate (2020)"], cv.Certifications);
        // The languages sit in a text box.
        Assert.Equal(["Portuguese (native)", "English (C2)"], cv.Languages);
    }

    [Fact]
    public void Reads_two_column_pdf_cv_without_mixing_sidebar_into_roles()
    {
        var cv = CvFixtures.Read("cv-two-column.pdf");

        Assert.Equal(("Lukas Weber", "lukas.weber@example.com"), (cv.Contact.Name, cv.Contact.Email));
        Assert.Equal(["Java", "Kotlin", "PostgreSQL", "Docker", "Kubernetes"], cv.Skills);
        Assert.Equal(["German (native)", "English (C1)"], cv.Languages);
        Assert.Equal(["Designed the payment ledger service", "Cut p99 latency by 40 percent"], cv.Experience[0].Bullets);
        Assert.Equal(("Junior Developer", "Webstudio Nord"), (cv.Experience[1].Title, cv.Experience[1].Organization));
        Assert.Equal(("TU Berlin", DegreeLevel.Bachelor), (cv.Education[0].Institution, cv.Education[0].Level!.Value));
    }

    [Fact]
    public void Reads_one_column_pdf_cv()
    {
        var cv = CvFixtures.Read("cv-one-column.pdf");

        Assert.Equal(["Senior Data Engineer", "Data Engineer"], cv.Experience.Select(r => r.Title));
        Assert.Equal(["Northwind Analytics", "Contoso Retail"], cv.Experience.Select(r => r.Organization));
        // 2018-06..2020-12 (30 months) + 2021-01..2025-03 (50 months).
        Assert.Equal(6.7, cv.TotalYearsExperience);
        Assert.Equal(["Python", "SQL", "Apache Spark", "Kafka", "Airflow", "AWS"], cv.Skills);
    }

    [Theory]
    [InlineData("cv-too-little-text.txt", "almost no readable text")]
    [InlineData("not-a-resume.json", "not a JSON Resume")]
    [InlineData("cv-scanned-no-text.pdf", "has no text layer")]
    public void Refuses_cv_without_usable_text(string fixture, string message)
    {
        var ex = Assert.Throws<InputException>(() => CvFixtures.Read(fixture));

        Assert.Contains(message, ex.Message);
    }

    private static CvDocument ReadMarkdown(string markdown) =>
        CvFixtures.Reader().Read(System.Text.Encoding.UTF8.GetBytes(markdown), "cv.md");

    [Fact]
    public void A_bold_title_with_a_comma_stays_the_title_and_the_employer_after_it_is_the_organisation()
    {
        var cv = ReadMarkdown("""
            # Aisha Bello
            aisha.bello@example.com

            ## Experience
            **Senior ML Engineer, Video Understanding**, StreamBox — Seattle · 2021 – present
            - Leads a team of four building video classification models.

            **ML Engineer**, StreamBox — Seattle · 2018 – 2021
            - Built an object-detection pipeline.
            """);

        Assert.Equal(("Senior ML Engineer, Video Understanding", "StreamBox, Seattle"), (cv.Experience[0].Title, cv.Experience[0].Organization));
        Assert.Equal(("ML Engineer", "StreamBox, Seattle"), (cv.Experience[1].Title, cv.Experience[1].Organization));
    }

    [Theory]
    [InlineData("cv.pdf")]
    [InlineData("cv.docx")]
    public void A_title_with_its_field_after_a_comma_stays_the_title_in_pdf_and_docx(string fileName)
    {
        string[] lines =
        [
            "Aisha Bello", "aisha.bello@example.com", "", "Experience",
            "Senior ML Engineer, Video Understanding, StreamBox | Seattle | 2021 - present",
            "- Leads a team of four building video classification models.", "",
            "Data Engineer, Acme Analytics, Portland | 2016 - 2018",
            "- Built the nightly reporting jobs.",
        ];
        var bytes = fileName.EndsWith(".pdf", StringComparison.Ordinal) ? HostileFiles.TextPdf(lines) : HostileFiles.ParagraphsDocx(lines);

        var cv = CvFixtures.Reader().Read(bytes, fileName, TestContext.Current.CancellationToken);

        Assert.Equal(
            [("Senior ML Engineer, Video Understanding", "StreamBox, Seattle"), ("Data Engineer", "Acme Analytics, Portland")],
            cv.Experience.Select(r => (r.Title, r.Organization)));
    }

    [Theory]
    [InlineData("Carmen Ruiz, RN", "Carmen Ruiz")]
    [InlineData("Ben Ode, PhD, PMP", "Ben Ode")]
    [InlineData("Lena Park, B.Sc.", "Lena Park")]
    public void A_name_followed_by_letters_after_it_is_read_as_the_name(string line, string name)
    {
        var cv = ReadMarkdown($"# {line}\ncarmen.ruiz@example.com\n\n## Experience\n**Staff Nurse**, Jackson South · 2021 – present\n");

        Assert.Equal(name, cv.Contact.Name);
        Assert.DoesNotContain(CvReader.NoNameWarning, cv.Warnings);
    }

    [Fact]
    public void A_cv_whose_name_cannot_be_found_says_so()
    {
        var cv = ReadMarkdown("# Emergency nurse, four years\nnurse@example.com\n\n## Experience\n**Staff Nurse**, Jackson South · 2021 – present\n");

        Assert.Null(cv.Contact.Name);
        Assert.Contains(CvReader.NoNameWarning, cv.Warnings);
    }

    [Fact]
    public void Brackets_in_a_degree_are_kept_whole_and_nursing_degrees_have_their_level()
    {
        var cv = ReadMarkdown("""
            # Aisha Bello

            ## Education
            MS Computer Science (machine learning), University of Washington, 2018

            BSN, Florida International University (2021)
            """);

        Assert.Equal("MS Computer Science (machine learning)", cv.Education[0].Degree);
        Assert.Equal("Computer Science (machine learning)", cv.Education[0].Field);
        Assert.Equal(("BSN", DegreeLevel.Bachelor, "Florida International University"), (cv.Education[1].Degree, cv.Education[1].Level, cv.Education[1].Institution));
    }

    [Fact]
    public void A_skills_list_that_wraps_onto_the_next_line_keeps_its_last_skill_whole()
    {
        var cv = ReadMarkdown("# Aisha Bello\n\n## Skills\nPython, PyTorch, OCR, diffusion\nmodels, Kubernetes\n- Linear algebra\n");

        Assert.Equal(["Python", "PyTorch", "OCR", "diffusion models", "Kubernetes", "Linear algebra"], cv.Skills);
    }
}

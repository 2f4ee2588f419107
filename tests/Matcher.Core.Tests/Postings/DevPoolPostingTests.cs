using Matcher.Core.Postings;
using Matcher.Core.Postings.Reading;

namespace Matcher.Core.Tests.Postings;

/// <summary>
/// The twelve real job-board postings of the dev pool, read as a careful recruiter would list them. The postings
/// are the employers' text and stay outside the repository (<c>../shared/devpool/postings</c>); on a clone
/// without them these tests say so and skip. Each expectation below is written from reading the posting: how
/// many required and preferred qualifications and duties it states (a range, since wording can be split more
/// or less finely), short fragments of three qualifications that must be read as such, and fragments of lines
/// that must never become requirements.
/// </summary>
public sealed class DevPoolPostingTests
{
    public sealed record Expectation(
        string Posting, (int Min, int Max) Required, (int Min, int Max) Preferred, (int Min, int Max) Duties,
        string[] MustRequire, string[] MustPrefer, string[] NeverRequire);

    public static TheoryData<string> Postings => new(Expectations.Keys);

    private static readonly Dictionary<string, Expectation> Expectations = new Expectation[]
    {
        // Teller: school diploma, a year of cash handling, a few basic skills; thirty duties; the opening hours are a schedule.
        new("d01-bank-teller", (6, 9), (1, 3), (25, 32),
            ["High school graduate", "one year of related experience", "Good math skills"], ["Previous Teller experience"],
            ["Monday - Friday", "40 hours per week", "Show less", "Skills/Abilities", "Education/Certification"]),
        // Contact-centre rep: diploma and computer skills required, call-centre years preferred; pay and shift times are not qualifications.
        // The remote, hybrid or on-site offer and the home internet speed are working conditions.
        new("d02-customer-service-rep", (4, 6), (1, 2), (10, 16),
            ["High School Diploma or GED", "Computer proficiency", "customer relationships"], ["Call center"],
            ["Range:", "base salary", "shift-times", "incentive program", "Show less", "internet speed", "100% remote"]),
        // Social media: seven requirements; the benefits list, the office note and the EEO paragraph are not.
        new("d03-social-media-specialist", (6, 8), (0, 1), (10, 13),
            ["2 to 7 years", "attention to detail", "Self-starter"], [],
            ["401K", "equal opportunity", "Veterans", "cover letter", "discount"]),
        // Medical assistant: diploma, CPR and testing certificates; Spanish and office years preferred; hours, wage and benefits aside.
        new("d04-medical-assistant", (4, 7), (1, 3), (6, 10),
            ["High School Diploma", "First Aid/ CPR", "Breath Alcohol Testing required"], ["Spanish"],
            ["Paid Time Off", "wage range", "8am - 5pm", "Monday - Friday", "401(K)", "The target is to"]),
        // Teacher: state certification, a bachelor's and the knowledge and abilities list; equipment, travel and FLSA are not qualifications.
        new("d05-elementary-teacher", (9, 13), (2, 4), (12, 16),
            ["Certification as an Elementary Teacher", "Bachelors from an accredited", "elementary school curriculum"], ["Masters Degree"],
            ["FLSA", "Show less", "standard office equipment", "all inclusive", "Travels to school"]),
        // Recruiter: headings glued into the prose; three years of recruiting and office skills; pay, pitch and company text aside.
        new("d06-recruiter", (7, 9), (0, 1), (10, 13),
            ["Minimum 3 years experience in recruiting", "Microsoft Word", "Public speaking", "Team player"], [],
            ["retention bonus", "family-owned", "Do not hesitate", "Sunbelt offers", "Job Description"]),
        // Help desk: the competency framework read as one row beside the qualifications (typing speed, licence); sitting,
        // benefits, lead-in lines and the catch-all duty are not requirements or duties.
        new("d07-help-desk-technician", (7, 10), (1, 2), (7, 10),
            ["40 WPM", "valid driver's license", "customer service skills", "Competencies: Written Communication"], ["High school diploma or GED"],
            ["401K", "PTO", "sit for long periods", "following competencies", "Benfits", "Edits work for spelling"]),
        // Quality engineer: degree, 8D, ISO 9001; the preference for three years; salary, link and company text aside.
        new("d08-quality-engineer", (9, 11), (1, 2), (12, 16),
            ["Quality Engineering or related", "8D problem solving", "ISO9001"], ["three (3) years"],
            ["Salary Range", "Click here", "Show less", "world leader", "vizirecruiter"]),
        // Business development: seven abilities; prior BDR work and sales tools to stand out; the EEO and salary-request lines aside.
        new("d09-business-development-rep", (6, 8), (2, 2), (7, 10),
            ["Excellent communication skills", "powerfully persuasive", "Self-starter"], ["BDR/SDR", "SalesForce"],
            ["EEO", "Equal Opportunity", "JobPostingInquiry", "Additional Information", "To Stand Out"]),
        // Data science intern: toolkits, SQL, statistics and enrolment, read once its headings are found.
        new("d10-data-scientist-intern", (8, 10), (0, 1), (4, 6),
            ["data science toolkits", "query languages such as SQL", "Enrolled in a bachelor"], [],
            ["Education Requirements:", "Show less", "OptimalSolutionsGroup", "Discovery District"]),
        // Data analyst intern: enrolment, SQL, BI tools; Vertica as a bonus; work authorisation and contacts are not scored.
        new("d11-data-analyst-intern", (8, 10), (1, 2), (5, 5),
            ["Strong SQL skills", "BI Tools", "SAS, R or Python", "Rising Seniors"], ["Vertica SQL"],
            ["work authorization", "equal opportunity", "HR@chewy.com", "Privacy Policy", "Show less"]),
        // Consulting intern: graduate study and a bachelor's, Office skills; preferred list; "N/A" and empty headings are not requirements.
        new("d12-consulting-graduate-intern", (8, 11), (5, 8), (6, 8),
            ["Pursuing a graduate degree", "Bachelors degree required", "Microsoft Office"], ["3.0 GPA"],
            ["N/A", "License, Certification, Registration", "Show less", "100% remote", "MUST reside"]),
    }.ToDictionary(e => e.Posting);

    private static string? PostingsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Matcher.sln")))
                continue;
            var postings = Path.Combine(folder.FullName, "..", "shared", "devpool", "postings");
            return Directory.Exists(postings) ? Path.GetFullPath(postings) : null;
        }
        return null;
    }

    private const string Absent = "The dev pool (../shared/devpool/postings beside the repository) is not on this machine; the real postings are kept outside the repository.";

    private static Position ReadPosting(string name)
    {
        var folder = PostingsFolder();
        Assert.SkipWhen(folder is null, Absent);
        var file = Path.Combine(folder!, name + ".txt");
        return Assert.Single(new PostingReader().Read(File.ReadAllBytes(file), Path.GetFileName(file)).Positions);
    }

    [Theory]
    [MemberData(nameof(Postings))]
    public void Reads_the_number_of_required_and_preferred_qualifications_and_duties_a_recruiter_would_list(string name)
    {
        var expected = Expectations[name];
        var position = ReadPosting(name);

        var required = position.Requirements.Count(r => r.Kind == RequirementKind.Required);
        var preferred = position.Requirements.Count(r => r.Kind == RequirementKind.Preferred);
        Assert.InRange(required, expected.Required.Min, expected.Required.Max);
        Assert.InRange(preferred, expected.Preferred.Min, expected.Preferred.Max);
        Assert.InRange(position.Responsibilities.Count, expected.Duties.Min, expected.Duties.Max);
    }

    [Theory]
    [MemberData(nameof(Postings))]
    public void Reads_the_qualifications_the_posting_states_with_their_kind(string name)
    {
        var expected = Expectations[name];
        var position = ReadPosting(name);

        foreach (var fragment in expected.MustRequire)
            Assert.Contains(position.Requirements, r => r.Kind == RequirementKind.Required && r.Text.Contains(fragment, StringComparison.Ordinal));
        foreach (var fragment in expected.MustPrefer)
            Assert.Contains(position.Requirements, r => r.Kind == RequirementKind.Preferred && r.Text.Contains(fragment, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Postings))]
    public void Never_scores_boilerplate_headings_conditions_or_page_text_as_requirements(string name)
    {
        var expected = Expectations[name];
        var position = ReadPosting(name);

        foreach (var fragment in expected.NeverRequire)
            Assert.DoesNotContain(position.Requirements, r => r.Text.Contains(fragment, StringComparison.Ordinal));
        Assert.All(position.Requirements, r =>
        {
            Assert.Null(HeadingVocabulary.Classify(r.Text));
            Assert.False(r.Text.EndsWith(':'), r.Text);
        });
        Assert.All(position.Responsibilities, d => Assert.Null(HeadingVocabulary.Classify(d)));
    }

    [Theory]
    [InlineData("d01-bank-teller", "Other duties as assigned")]
    [InlineData("d03-social-media-specialist", "Perform other duties as assigned")]
    [InlineData("d05-elementary-teacher", "other related tasks as assigned")]
    [InlineData("d07-help-desk-technician", "other duties as assigned")]
    [InlineData("d12-consulting-graduate-intern", "additional duties as required")]
    public void Never_scores_a_catch_all_duty(string name, string fragment)
    {
        var position = ReadPosting(name);

        Assert.DoesNotContain(position.Responsibilities.Concat(position.Requirements.Select(r => r.Text)),
            t => t.Contains(fragment, StringComparison.Ordinal));
    }

    // A reporting line is a fact of the posting and training or room to grow is a perk: none is work a CV can show.
    [Theory]
    [InlineData("d02-customer-service-rep", "report into")]
    [InlineData("d02-customer-service-rep", "You will be trained")]
    [InlineData("d07-help-desk-technician", "Opportunities to grow")]
    public void Never_scores_a_reporting_line_or_a_perk(string name, string fragment)
    {
        var position = ReadPosting(name);

        Assert.DoesNotContain(position.Responsibilities.Concat(position.Requirements.Select(r => r.Text)),
            t => t.Contains(fragment, StringComparison.Ordinal));
    }

    // Each dev-pool file puts the company on its second line, as a job board shows it under the title.
    [Theory]
    [InlineData("d08-quality-engineer")]
    [InlineData("d12-consulting-graduate-intern")]
    public void Reads_the_company_named_under_the_title(string name)
    {
        var folder = PostingsFolder();
        Assert.SkipWhen(folder is null, Absent);
        var file = Path.Combine(folder!, name + ".txt");

        var company = File.ReadLines(file).ElementAt(1).Trim();
        Assert.Equal(company, new PostingReader().Read(File.ReadAllBytes(file), Path.GetFileName(file), cancellationToken: TestContext.Current.CancellationToken).Company);
    }
}

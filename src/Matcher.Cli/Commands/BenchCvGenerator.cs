using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Matcher.Cli.Commands;

/// <summary>
/// Realistic two-page PDF CVs for the ranking benchmark, in several fields and with varied wording, so anyone can
/// reproduce its figures. CV <c>n</c> is the same on every machine: each is drawn from a random generator seeded with
/// its number. Every person and employer is invented.
/// </summary>
internal static class BenchCvGenerator
{
    private sealed record Field(string Name, string[] Titles, string[] Verbs, string[] Work, string[] Skills, string[] Degrees, string[] Certificates);

    private static readonly Field[] Fields =
    [
        new("software", ["Software Engineer", "Backend Developer", "Full-Stack Developer", "Platform Engineer", "Mobile Developer"],
            ["Built", "Designed", "Migrated", "Maintained", "Automated", "Led the rewrite of", "Optimised"],
            ["a payment service handling {0} transactions a day", "REST APIs for the customer portal", "the CI pipeline, cutting build time by {1}%",
             "a React front end used by {0} customers", "the search index and its ranking", "monitoring and alerting for {2} services",
             "a message queue between the order and billing systems", "integration tests for the mobile app"],
            ["C#", ".NET", "Java", "Python", "Go", "TypeScript", "React", "PostgreSQL", "Docker", "Kubernetes", "AWS", "Azure", "Git", "Kafka"],
            ["BSc Computer Science", "MSc Software Engineering", "BEng Computer Engineering"], ["AWS Certified Developer", "Azure Fundamentals"]),
        new("nursing", ["Registered Nurse", "Staff Nurse", "Charge Nurse", "Clinical Nurse", "Nurse Practitioner"],
            ["Cared for", "Assessed", "Coordinated", "Educated", "Monitored", "Trained", "Documented"],
            ["up to {2} patients a shift on a medical-surgical ward", "patients after cardiac surgery", "discharge plans with families and social workers",
             "new graduate nurses on ward procedures", "vital signs and medication in the electronic health record", "infection-control audits of the unit",
             "wound care for patients with diabetes", "admissions from the emergency department"],
            ["patient assessment", "medication administration", "IV therapy", "wound care", "Epic", "BLS", "ACLS", "triage", "care planning"],
            ["BSc Nursing", "Associate Degree in Nursing", "MSc Nursing"], ["RN licence", "BLS certification", "ACLS certification"]),
        new("retail", ["Store Manager", "Sales Associate", "Assistant Manager", "Cashier", "Visual Merchandiser"],
            ["Managed", "Served", "Trained", "Organised", "Increased", "Handled", "Scheduled"],
            ["a team of {2} sales associates", "customers at the till and on the shop floor", "weekly stock counts and deliveries",
             "seasonal displays and window layouts", "store sales by {1}% in one year", "returns, exchanges and complaints", "shifts for {2} staff",
             "opening and closing procedures and cash balancing"],
            ["customer service", "point of sale", "inventory control", "merchandising", "cash handling", "team leadership", "scheduling"],
            ["High school diploma", "BA Business Studies", "Associate Degree in Retail Management"], ["Food hygiene certificate", "First aid certificate"]),
        new("finance", ["Financial Analyst", "Accountant", "Bank Teller", "Budget Analyst", "Payroll Specialist"],
            ["Prepared", "Reconciled", "Analysed", "Forecast", "Audited", "Processed", "Reported"],
            ["monthly management accounts for {2} cost centres", "bank statements and ledger accounts", "variances against the annual budget",
             "cash flow for the next {2} quarters", "expense claims and supplier invoices", "payroll for {0} employees",
             "customer deposits, withdrawals and loan payments", "the year-end close with the external auditors"],
            ["Excel", "financial modelling", "SAP", "QuickBooks", "reconciliation", "budgeting", "forecasting", "IFRS", "GAAP"],
            ["BSc Accounting", "BA Economics", "MBA Finance"], ["CPA", "ACCA part-qualified", "CFA Level I"]),
        new("teaching", ["Elementary Teacher", "Secondary School Teacher", "Teaching Assistant", "Special Education Teacher", "Tutor"],
            ["Taught", "Planned", "Assessed", "Supported", "Introduced", "Led", "Communicated with"],
            ["a class of {2} pupils in year four", "lessons in mathematics and reading", "pupils' progress with termly assessments",
             "pupils with special educational needs", "a phonics programme across the school", "the after-school science club",
             "parents at termly meetings", "differentiated lessons for mixed-ability groups"],
            ["lesson planning", "classroom management", "differentiation", "assessment", "safeguarding", "Google Classroom", "phonics"],
            ["BEd Primary Education", "BA English and PGCE", "MA Education"], ["Teaching certificate", "Qualified Teacher Status"]),
        new("data", ["Data Analyst", "Data Scientist", "Business Intelligence Analyst", "Analytics Engineer", "Machine Learning Engineer"],
            ["Built", "Analysed", "Modelled", "Automated", "Presented", "Cleaned", "Deployed"],
            ["dashboards in Power BI for the sales team", "customer churn with logistic regression", "demand for {2} product lines",
             "weekly reports that took a day by hand", "findings to senior management", "survey data from {0} respondents",
             "a recommendation model serving {0} users", "A/B tests of the checkout page"],
            ["SQL", "Python", "pandas", "scikit-learn", "R", "Tableau", "Power BI", "statistics", "Excel", "Spark"],
            ["BSc Statistics", "MSc Data Science", "BSc Mathematics"], ["Google Data Analytics certificate", "Tableau Desktop Specialist"]),
        new("marketing", ["Marketing Coordinator", "Social Media Specialist", "Content Writer", "Digital Marketing Manager", "Brand Executive"],
            ["Ran", "Wrote", "Grew", "Planned", "Managed", "Launched", "Measured"],
            ["paid social campaigns with a budget of {0} dollars", "blog posts and newsletters", "the Instagram following to {0} followers",
             "the content calendar for {2} channels", "relationships with influencers and agencies", "the spring product launch",
             "campaign results in Google Analytics", "email campaigns with an open rate of {1}%"],
            ["social media", "SEO", "Google Analytics", "copywriting", "Canva", "HubSpot", "email marketing", "content strategy"],
            ["BA Marketing", "BA Communications", "MSc Digital Marketing"], ["Google Ads certification", "HubSpot Content Marketing"]),
        new("engineering", ["Mechanical Engineer", "Quality Engineer", "Manufacturing Engineer", "Process Engineer", "Maintenance Technician"],
            ["Designed", "Improved", "Led", "Tested", "Reduced", "Commissioned", "Investigated"],
            ["fixtures and tooling in SolidWorks", "the yield of the assembly line by {1}%", "root-cause analysis of field failures",
             "prototypes against customer specifications", "scrap by {1}% with lean methods", "a new packaging line",
             "supplier quality issues with 8D reports", "preventive maintenance for {2} machines"],
            ["SolidWorks", "AutoCAD", "FMEA", "lean manufacturing", "Six Sigma", "GD&T", "PLC", "root-cause analysis", "ISO 9001"],
            ["BEng Mechanical Engineering", "BSc Manufacturing Engineering", "MEng Mechanical Engineering"], ["Six Sigma Green Belt", "Certified Quality Engineer"]),
    ];

    private static readonly string[] FirstNames = ["Alex", "Maria", "Chen", "Fatima", "Jonas", "Priya", "Tom", "Aisha", "Luca", "Sara", "Kenji", "Olga", "Daniel", "Nadia", "Pedro", "Emma", "Yusuf", "Hana", "Marek", "Grace"];
    private static readonly string[] LastNames = ["Novak", "Garcia", "Wang", "Okafor", "Berg", "Sharma", "Hughes", "Rahman", "Rossi", "Lind", "Sato", "Ivanova", "Kim", "Haddad", "Silva", "Clarke", "Demir", "Tanaka", "Kowalski", "Mensah"];
    private static readonly string[] Cities = ["Leeds", "Denver", "Toronto", "Dublin", "Austin", "Glasgow", "Melbourne", "Portland", "Bristol", "Ottawa"];
    private static readonly string[] Employers = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum", "Proseware", "Wingtip", "Woodgrove", "Lucerne", "Fourth Coffee", "Alpine Ski House", "Blue Yonder", "Coho Group", "Margie's Travel"];
    private static readonly string[] Universities = ["University of Leeds", "State University", "City College", "Technical University", "University of Toronto", "Trinity College", "Western University"];

    /// <summary>Writes CVs 1..<paramref name="count"/> into <paramref name="folder"/> as <c>cv-00001.pdf</c>…; returns the paths.</summary>
    public static IReadOnlyList<string> Write(int count, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>(count);
        for (var n = 1; n <= count; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(folder, $"cv-{n:00000}.pdf");
            File.WriteAllBytes(path, Pdf(Lines(n)));
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The CV's lines; a line starting with '#' is a heading.</summary>
    internal static List<string> Lines(int number)
    {
        var random = new Random(number);
        var field = Fields[random.Next(Fields.Length)];
        var name = $"{Pick(random, FirstNames)} {Pick(random, LastNames)}";
        var lines = new List<string>
        {
            "#" + name,
            $"{name.ToLowerInvariant().Replace(' ', '.')}{number}@example.com | +1 555 {random.Next(100, 999)} {random.Next(1000, 9999)} | {Pick(random, Cities)}",
            "#Summary",
        };
        var years = random.Next(2, 16);
        lines.AddRange(Wrap($"{Pick(random, field.Titles)} with {years} years of experience in {field.Name}. " +
            $"Known for {Pick(random, field.Skills)} and {Pick(random, field.Skills)}; looking for a role where {Pick(random, field.Verbs).ToLowerInvariant()} " +
            $"{Fill(random, Pick(random, field.Work))} matters."));

        lines.Add("#Experience");
        var end = 2025;
        var roles = random.Next(5, 8);
        for (var r = 0; r < roles; r++)
        {
            var length = random.Next(1, 5);
            var start = end - length;
            var endText = r == 0 ? "Present" : string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 13):00}/{end}");
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Pick(random, field.Titles)}, {Pick(random, Employers)} {(random.Next(2) == 0 ? "Ltd" : "Inc")} | {random.Next(1, 13):00}/{start} - {endText}"));
            var bullets = random.Next(5, 9);
            foreach (var work in field.Work.OrderBy(_ => random.Next()).Take(bullets))
                lines.AddRange(Wrap($"\u2022 {Pick(random, field.Verbs)} {Fill(random, work)}.", indent: true));
            end = start;
        }

        lines.Add("#Education");
        lines.Add($"{Pick(random, field.Degrees)}, {Pick(random, Universities)}, {end - random.Next(0, 3)}");
        if (random.Next(2) == 0)
            lines.Add($"{Pick(random, field.Degrees)}, {Pick(random, Universities)}, {end - random.Next(3, 6)}");
        lines.Add("#Certifications");
        lines.AddRange(field.Certificates.Where(_ => random.Next(3) > 0).Select(c => $"{c}, {random.Next(2012, 2025)}"));
        lines.Add("#Skills");
        lines.AddRange(Wrap(string.Join(", ", field.Skills.OrderBy(_ => random.Next()).Take(random.Next(6, field.Skills.Length + 1)))));
        lines.Add("#Volunteering");
        lines.AddRange(Wrap($"\u2022 {Pick(random, ["Mentor at a local coding club", "Coach of a youth football team", "Volunteer at the food bank", "Treasurer of the residents' association"])} since {random.Next(2010, 2024)}.", indent: true));
        lines.Add("#Languages");
        lines.Add(Pick(random, ["English (native), Spanish (B2)", "English (fluent), German (native)", "English (native)", "English (C1), French (native)"]));
        return lines;
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string Fill(Random random, string template) =>
        string.Format(CultureInfo.InvariantCulture, template, random.Next(2, 90) * 100, random.Next(5, 45), random.Next(3, 25));

    private static IEnumerable<string> Wrap(string text, bool indent = false, int width = 92)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear().Append(indent ? "  " : "");
            }
            line.Append(line.Length > 0 && line.ToString().Trim().Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0)
            yield return line.ToString();
    }

    /// <summary>A4 pages of 10-point Helvetica, headings in bold; a new page starts when one is full.</summary>
    private static byte[] Pdf(List<string> lines)
    {
        const double top = 800, bottom = 60, lineHeight = 14;
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);
        var y = top;
        foreach (var line in lines)
        {
            var heading = line.StartsWith('#');
            if (y - (heading ? 8 : 0) < bottom)
            {
                page = builder.AddPage(PageSize.A4);
                y = top;
            }
            if (heading)
                y -= 8;
            page.AddText(heading ? line[1..] : line, heading ? 12 : 10, new PdfPoint(50, y), heading ? bold : regular);
            y -= lineHeight + (heading ? 2 : 0);
        }
        return builder.Build();
    }
}

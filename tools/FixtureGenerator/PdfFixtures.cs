using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace FixtureGenerator;

internal static class PdfFixtures
{
    private const double Top = 800;
    private const double LineHeight = 15;

    public static byte[] OneColumn()
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);
        var y = Top;
        void Line(string text, bool heading = false, double x = 50)
        {
            if (heading) y -= 6;
            page.AddText(text, heading ? 13 : 10, new PdfPoint(x, y), heading ? bold : regular);
            y -= LineHeight;
        }

        Line("Priya Raman", heading: true);
        Line("priya.raman@example.org | +44 20 7946 0958 | linkedin.com/in/priya-raman-example");
        Line("Summary", heading: true);
        Line("Data engineer with six years of experience building batch and streaming pipelines.");
        Line("Work Experience", heading: true);
        Line("Senior Data Engineer, Northwind Analytics | Jan 2021 - Present");
        Line("\u2022 Built a Spark and Kafka pipeline processing 2 TB per day", x: 60);
        Line("\u2022 Led a team of four engineers", x: 60);
        Line("Data Engineer, Contoso Retail | Jun 2018 - Dec 2020");
        Line("\u2022 Migrated nightly ETL jobs from cron to Airflow", x: 60);
        Line("Education", heading: true);
        Line("MSc Computer Science, University of Leeds, 2018");
        Line("BSc Mathematics, University of Manchester, 2016");
        Line("Skills", heading: true);
        Line("Python, SQL, Apache Spark, Kafka, Airflow, AWS");
        Line("Languages", heading: true);
        Line("English (native), Tamil (fluent)");
        return builder.Build();
    }

    /// <summary>A sidebar on the left and the main column on the right, with lines at the same heights.</summary>
    public static byte[] TwoColumn()
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);

        page.AddText("Lukas Weber", 18, new PdfPoint(50, Top), bold);
        page.AddText("Backend Developer", 12, new PdfPoint(50, Top - 22), regular);

        string[] sidebar =
        [
            "#Contact", "lukas.weber@example.com", "+49 30 1234567", "github.com/lukasweber-example",
            "", "#Skills", "\u2022 Java", "\u2022 Kotlin", "\u2022 PostgreSQL", "\u2022 Docker", "\u2022 Kubernetes",
            "", "#Languages", "German (native)", "English (C1)",
        ];
        string[] main =
        [
            "#Profile", "Backend developer focused on payment systems.", "Enjoys clean APIs and careful testing.",
            "", "#Experience", "Backend Developer, Fintegra GmbH", "03/2020 \u2013 present", "\u2022 Designed the payment ledger service",
            "\u2022 Cut p99 latency by 40 percent", "", "Junior Developer, Webstudio Nord", "09/2017 \u2013 02/2020",
            "\u2022 Maintained Spring Boot services", "", "#Education", "B.Sc. Informatik", "TU Berlin, 2017",
        ];
        Column(page, sidebar, 50, Top - 60, regular, bold);
        Column(page, main, 250, Top - 60, regular, bold);
        return builder.Build();
    }

    /// <summary>A page of drawn shapes only, as a scan without OCR looks to a text extractor.</summary>
    public static byte[] NoTextLayer()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 700), 300, 40, 2, fill: true);
        for (var i = 0; i < 20; i++)
            page.DrawLine(new PdfPoint(50, 650 - i * 20), new PdfPoint(500 - i * 7, 650 - i * 20), 3);
        return builder.Build();
    }

    private static void Column(PdfPageBuilder page, string[] lines, double x, double y, PdfDocumentBuilder.AddedFont regular, PdfDocumentBuilder.AddedFont bold)
    {
        foreach (var line in lines)
        {
            if (line.Length > 0)
            {
                var heading = line.StartsWith('#');
                page.AddText(heading ? line[1..] : line, heading ? 12 : 10, new PdfPoint(x, y), heading ? bold : regular);
            }
            y -= LineHeight;
        }
    }
}

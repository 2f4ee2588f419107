using DocumentFormat.OpenXml.Packaging;
using Matcher.Core.Matching;
using Matcher.Core.Reports;

namespace Matcher.Core.Tests.Reports;

/// <summary>An advisor's change travels with the report into every download, as it shows on screen.</summary>
public class ReportExportOverrideTests
{
    private static MatchReport Overridden() => Overrides.Apply(ReportFixtures.Sample(),
        [new OverrideDecision("r2", MatchStatus.Met, "Degree confirmed by transcript", "Sam Advisor", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))]);

    [Fact]
    public void Csv_rows_carry_the_override_with_who_when_and_why()
    {
        var csv = System.Text.Encoding.UTF8.GetString(ReportExport.Csv(Overridden()));

        var row = csv.Split('\n').Single(l => l.StartsWith("r2,", StringComparison.Ordinal));
        Assert.Contains(",met,", row, StringComparison.Ordinal);
        Assert.Contains("Changed by Sam Advisor on 2026-11-23: Degree confirmed by transcript (engine said missing", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_names_the_advisor_and_the_engine_score()
    {
        var report = Overridden();

        using var document = WordprocessingDocument.Open(new MemoryStream(ReportExport.Docx(report, "Data Analyst — fit report")), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;

        Assert.Contains("Changed by Sam Advisor on 2026-11-23: Degree confirmed by transcript", text, StringComparison.Ordinal);
        Assert.Contains($"the engine's score was {report.OriginalScore:0}/100", text, StringComparison.Ordinal);
    }
}

using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Matcher.Core.Reports;

namespace Matcher.Core.Tests.Reports;

public class ReportExportTests
{
    [Fact]
    public void Csv_has_a_header_and_one_row_per_requirement_with_status_and_evidence()
    {
        var csv = Encoding.UTF8.GetString(ReportExport.Csv(ReportFixtures.Sample())).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(4, lines.Length);
        Assert.StartsWith("id,requirement,kind,category,status,score,evidence,reason", lines[0], StringComparison.Ordinal);
        Assert.Contains("SQL for analysis", lines[1], StringComparison.Ordinal);
        Assert.Contains("Wrote SQL reports for finance (Experience)", lines[1], StringComparison.Ordinal);
        Assert.Contains("missing", lines[2], StringComparison.Ordinal);
        Assert.Contains("partly met", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_opens_in_word_format_and_holds_the_score_rows_and_suggestions()
    {
        var bytes = ReportExport.Docx(ReportFixtures.Sample(), "Data Analyst — fit report");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Data Analyst — fit report", text, StringComparison.Ordinal);
        Assert.Contains("56/100", text, StringComparison.Ordinal);
        Assert.Contains("Bachelor's degree in a quantitative field", text, StringComparison.Ordinal);
        Assert.Contains("“Wrote SQL reports for finance” — Experience", text, StringComparison.Ordinal);
        Assert.Contains("What to improve", text, StringComparison.Ordinal);
        Assert.Contains("matcher-engine/test", text, StringComparison.Ordinal);
    }
}

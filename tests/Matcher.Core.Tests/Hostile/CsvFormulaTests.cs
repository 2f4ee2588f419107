using System.Text;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;
using Matcher.Core.Tests.Reports;

namespace Matcher.Core.Tests.Hostile;

public sealed class CsvFormulaTests
{
    public static TheoryData<string> FormulaStarts => new() { "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tlead tab", "\rlead cr" };

    private static string[] Cells(byte[] csv)
    {
        // A simple CSV reader: quoted cells may hold commas, quotes ("") and line breaks.
        var text = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF');
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c is ',' or '\n') { cells.Add(cell.ToString().TrimEnd('\r')); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    [Theory]
    [MemberData(nameof(FormulaStarts))]
    public void Report_csv_prefixes_a_requirement_that_starts_like_a_formula(string hostile)
    {
        var report = ReportFixtures.Report(
            ReportFixtures.Row("r1", hostile, RequirementKind.Required, RequirementCategory.Skill, MatchStatus.Met, 0.9, new Evidence(hostile, "Experience", 0.7)));

        var cells = Cells(ReportExport.Csv(report));

        Assert.Contains("'" + hostile, cells);
        Assert.Contains($"'{hostile} (Experience)", cells);
        Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@\t\r".Contains(c[0], StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FormulaStarts))]
    public void Ranking_and_matrix_csv_prefix_names_file_names_and_notes_that_start_like_a_formula(string hostile)
    {
        var posting = new Posting { Positions = [new Position { Title = hostile }] };
        var applicant = new ApplicantResult(1, hostile + ".pdf", hostile, [ReportFixtures.Report(
            ReportFixtures.Row("r1", hostile, RequirementKind.Required, RequirementCategory.Skill, MatchStatus.Missing, 0.1))], null)
        { Decision = "shortlisted", DecisionNote = hostile };
        var result = new RankingResult(posting, [0], [applicant]);

        foreach (var rows in new[] { RankingExport.RankingRows(result, 0, blind: false), RankingExport.MatrixRows(result, blind: false) })
        {
            using var csv = new MemoryStream();
            RankingExport.Write(csv, rows, ExportFormat.Csv);
            var cells = Cells(csv.ToArray());

            Assert.Contains("'" + hostile, cells);
            Assert.Contains("'" + hostile + ".pdf", cells);
            Assert.Contains("55.7", cells);
            Assert.DoesNotContain(cells, c => c.Length > 0 && "=+-@\t\r".Contains(c[0], StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Xlsx_keeps_the_text_as_written_because_its_cells_are_typed()
    {
        var rows = new List<Dictionary<string, object?>> { new() { ["candidate"] = "=1+1", ["score"] = 12.5 } };
        using var xlsx = new MemoryStream();
        RankingExport.Write(xlsx, rows, ExportFormat.Xlsx);
        xlsx.Position = 0;

        var read = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object>>().Single();

        Assert.Equal("=1+1", read["candidate"]);
    }

    [Fact]
    public void Plain_text_and_numbers_are_left_alone()
    {
        Assert.Equal("Python", Matcher.Core.Exports.CsvCells.Neutralise("Python"));
        Assert.Equal("a=b", Matcher.Core.Exports.CsvCells.Neutralise("a=b"));
        Assert.Equal(-3.5, Matcher.Core.Exports.CsvCells.Neutralise((object)(-3.5)));
        Assert.Equal("", Matcher.Core.Exports.CsvCells.Neutralise(""));
    }
}

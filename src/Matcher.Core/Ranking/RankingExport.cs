using System.Globalization;
using Matcher.Core.Exports;
using Matcher.Core.Reports;
using MiniExcelLibs;

namespace Matcher.Core.Ranking;

public enum ExportFormat { Csv, Json, Xlsx }

/// <summary>Ranking tables as CSV or XLSX (MiniExcel), the same columns the ranking page shows, with the reviewer's decisions. Blind mode hides names.</summary>
public static class RankingExport
{
    private const int TopGaps = 3;

    /// <summary>One row per applicant, best first, for one ranked position.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> RankingRows(RankingResult result, int column, bool blind) =>
        result.RankFor(column).Select((x, i) =>
        {
            var row = new Dictionary<string, object?> { ["rank"] = x.Report is null ? null : i + 1 };
            if (!blind)
                row["file"] = x.Applicant.File;
            row["candidate"] = x.Applicant.DisplayName(blind);
            row["score"] = x.Report is null ? null : Math.Round(x.Report.Score, 1);
            row["met"] = x.Report?.Summary.Met;
            row["partial"] = x.Report?.Summary.Partial;
            row["missing"] = x.Report?.Summary.Missing;
            row["topGaps"] = x.Report is null ? null : string.Join("; ", Gaps(x.Report));
            row["error"] = x.Applicant.DisplayError(blind);
            AddDecision(row, x.Applicant);
            return row;
        }).ToList();

    /// <summary>Applicants × positions: one score column per position and the applicant's best position.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> MatrixRows(RankingResult result, bool blind) =>
        result.Applicants.Select(a =>
        {
            var row = new Dictionary<string, object?> { ["candidate"] = a.DisplayName(blind) };
            if (!blind)
                row["file"] = a.File;
            for (var c = 0; c < result.Positions.Count; c++)
                row[ColumnName(result, c)] = c < a.Reports.Count && a.Reports[c] is { } r ? Math.Round(r.Score, 1) : null;
            var best = a.Reports.Select((r, c) => (r, c)).Where(x => x.r is not null).OrderByDescending(x => x.r!.Score).FirstOrDefault();
            row["bestPosition"] = best.r is null ? null : result.Posting.Positions[result.Positions[best.c]].Title;
            row["error"] = a.DisplayError(blind);
            AddDecision(row, a);
            return row;
        }).ToList();

    // Always present, blank until someone decides, so a spreadsheet built on the columns keeps working.
    private static void AddDecision(Dictionary<string, object?> row, ApplicantResult applicant)
    {
        row["decision"] = applicant.Decision;
        row["note"] = applicant.DecisionNote;
    }

    public static void Write(Stream output, IReadOnlyList<Dictionary<string, object?>> rows, ExportFormat format)
    {
        var type = format switch
        {
            ExportFormat.Csv => ExcelType.CSV,
            ExportFormat.Xlsx => ExcelType.XLSX,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "JSON is written by the caller's serializer."),
        };
        // MiniExcel wants one value type per column; blanks stay blank rather than "null".
        // CSV has no cell types, so text that a spreadsheet would run as a formula is neutralised (XLSX stores it as text).
        var cleaned = rows.Select(r => r.ToDictionary(kv => kv.Key,
            kv => (format == ExportFormat.Csv ? CsvCells.Neutralise(kv.Value) : kv.Value) ?? string.Empty)).ToList();
        output.SaveAs(cleaned, excelType: type);
    }

    private static IEnumerable<string> Gaps(MatchReport report) => report.Requirements
        .Where(r => r.Status == MatchStatus.Missing)
        .OrderBy(r => r.Kind)
        .ThenByDescending(r => r.Weight)
        .Take(TopGaps)
        .Select(r => r.Text.Length > 80 ? r.Text[..77] + "..." : r.Text);

    private static string ColumnName(RankingResult result, int column) =>
        $"{(result.Positions[column] + 1).ToString(CultureInfo.InvariantCulture)}. {result.Posting.Positions[result.Positions[column]].Title}";
}

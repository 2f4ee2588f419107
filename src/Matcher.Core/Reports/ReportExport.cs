using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using Matcher.Core.Exports;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using MiniExcelLibs;

namespace Matcher.Core.Reports;

/// <summary>A report as a spreadsheet (one row per requirement) or a Word document, with the same content as on screen.</summary>
public static class ReportExport
{
    public static IReadOnlyList<Dictionary<string, object>> Rows(MatchReport report) => report.Requirements.Select(r => new Dictionary<string, object>
    {
        ["id"] = r.Id,
        ["requirement"] = r.Text,
        ["kind"] = r.Kind == RequirementKind.Required ? "required" : "preferred",
        ["category"] = r.Category.ToString(),
        ["status"] = StatusText(r.Status),
        ["score"] = Math.Round(r.Score, 3),
        ["evidence"] = string.Join(" | ", r.Evidence.Select(e => $"{e.Text} ({e.Section})")),
        ["reason"] = PlainReasons.For(r),
        ["override"] = r.Override is { } o ? OverrideText(o) : "",
    }).ToList();

    /// <summary>An advisor's change as the report shows it: who, when, why, and what the engine said.</summary>
    public static string OverrideText(RequirementOverride o) =>
        $"Changed by {o.ChangedBy} on {o.ChangedAt:yyyy-MM-dd}: {o.Reason} (engine said {StatusText(o.OriginalStatus)}, {o.OriginalScore.ToString("P0", CultureInfo.InvariantCulture)})";

    public static byte[] Csv(MatchReport report)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(Rows(report).Select(r => r.ToDictionary(kv => kv.Key, kv => CsvCells.Neutralise(kv.Value)!)).ToList(), excelType: ExcelType.CSV);
        return stream.ToArray();
    }

    public static byte[] Docx(MatchReport report, string title)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(title, bold: true, size: 32));
            body.Append(Paragraph($"{report.PositionTitle}: {report.Score.ToString("0", CultureInfo.InvariantCulture)}/100 — {report.Verdict}", bold: true));
            if (report.OriginalScore is { } original)
                body.Append(Paragraph($"An advisor changed {report.Requirements.Count(r => r.Override is not null)} requirement(s); the engine's score was {original.ToString("0", CultureInfo.InvariantCulture)}/100."));
            body.Append(Paragraph($"Required: {report.Summary.Required.Met} met, {report.Summary.Required.Partial} partly met, {report.Summary.Required.Missing} missing. " +
                                  $"Preferred: {report.Summary.Preferred.Met} met, {report.Summary.Preferred.Partial} partly met, {report.Summary.Preferred.Missing} missing."));
            if (report.MatchedResponsibilities)
                body.Append(Paragraph("This position lists no qualifications; the CV was matched against its responsibilities."));

            var table = new Table(new TableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })));
            table.Append(Row(bold: true, "Requirement", "Status", "Score", "Lines from the CV", "Why"));
            foreach (var r in report.Requirements)
                table.Append(Row(bold: false,
                    $"{r.Text} ({(r.Kind == RequirementKind.Required ? "required" : "preferred")})",
                    StatusText(r.Status),
                    r.Score.ToString("P0", CultureInfo.InvariantCulture),
                    (r.Status == MatchStatus.Missing && r.Evidence.Count > 0 ? "Closest lines (none shows this clearly):\n" : "")
                        + string.Join("\n", r.Evidence.Select(e => $"“{e.Text}” — {e.Section}")),
                    r.Override is { } o ? $"{PlainReasons.For(r)}\n{OverrideText(o)}" : PlainReasons.For(r)));
            body.Append(table);

            var suggestions = Suggestions.For(report);
            if (suggestions.Count > 0)
            {
                body.Append(Paragraph("What to improve", bold: true, size: 28));
                foreach (var s in suggestions)
                    body.Append(Paragraph($"• {s.Requirement}: {s.Advice}"));
            }
            body.Append(Paragraph($"Scored by {report.Receipt.EngineVersion} with {report.Receipt.EmbeddingModel} at {report.Receipt.CreatedAt:u}. CV SHA-256 {report.Receipt.CvSha256}; posting SHA-256 {report.Receipt.PostingSha256}.", size: 16));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static string StatusText(MatchStatus status) => status switch
    {
        MatchStatus.Met => "met",
        MatchStatus.Partial => "partly met",
        _ => "missing",
    };

    private static Paragraph Paragraph(string text, bool bold = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (size is { } s) properties.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(new Run(properties, new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static TableRow Row(bool bold, params string[] cells) => new(cells.Select(c =>
    {
        var cell = new TableCell();
        foreach (var line in c.Split('\n'))
            cell.Append(Paragraph(line, bold));
        return cell;
    }));
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FixtureGenerator;

internal static class DocxFixtures
{
    private const int BulletNumberingId = 1;

    /// <summary>Name and contact in the page header, bulleted achievements, and education in a table.</summary>
    public static byte[] ListAndTable()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddBulletNumbering(main);

            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(
                Para("Tomás Silva", bold: true),
                Para("tomas.silva@example.net · +351 21 123 4567 · https://tomassilva.example.dev"));
            var headerId = main.GetIdOfPart(header);

            var body = new Body(
                Para("Profile", bold: true),
                Para("UX designer who turns research into accessible interfaces."),
                Para("Professional Experience", bold: true),
                Para("Lead UX Designer at Lumen Health — April 2022 to now"),
                Bullet("Ran 30 usability studies with clinicians"),
                Bullet("Introduced a design system used by five product teams"),
                Para("UX Designer at Pixelcraft Studio — 2019 – March 2022"),
                Bullet("Redesigned the checkout flow, raising conversion by 12%"),
                Para("Education", bold: true),
                EducationTable(),
                Para("Skills", bold: true),
                Para("Figma; User Research | Prototyping; Accessibility (WCAG 2.1); figma"),
                LanguagesTextBox(),
                Para("Certifications", bold: true),
                Bullet("Google UX Design Certificate (2020)"),
                new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>A sidebar text box, as many CV templates use: paragraphs nested inside a paragraph's drawing.</summary>
    private static Paragraph LanguagesTextBox() =>
        new(new Run(new Picture(
            new DocumentFormat.OpenXml.Vml.Shape(
                new DocumentFormat.OpenXml.Vml.TextBox(
                    new TextBoxContent(Para("Languages", bold: true), Para("Portuguese (native), English (C2)"))))
            { Style = "width:200pt;height:60pt" })));

    private static Table EducationTable()
    {
        var table = new Table(new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single })));
        table.Append(Row("Degree", "Institution", "Year"));
        table.Append(Row("Master of Arts in Interaction Design", "Universidade de Lisboa", "2019"));
        table.Append(Row("Bachelor of Fine Arts in Graphic Design", "Universidade do Porto", "2017"));
        return table;
    }

    private static TableRow Row(params string[] cells) =>
        new(cells.Select(c => new TableCell(Para(c))));

    private static Paragraph Para(string text, bool bold = false)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
            run.RunProperties = new RunProperties(new Bold());
        return new Paragraph(run);
    }

    private static Paragraph Bullet(string text) =>
        new(new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletNumberingId })),
            new Run(new Text(text)));

    private static void AddBulletNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(
                new Level(
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" })
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });
    }
}

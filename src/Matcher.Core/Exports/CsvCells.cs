namespace Matcher.Core.Exports;

/// <summary>
/// Keeps CSV cells from being read as formulas by a spreadsheet. A text cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return (an applicant's name, a file name,
/// a requirement copied from a posting) gets a leading apostrophe, so Excel, LibreOffice and Sheets show
/// it as text instead of running it. Numbers are left as they are.
/// </summary>
public static class CsvCells
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Neutralise(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaStarts, text[0]) >= 0 ? "'" + text : text;

    public static object? Neutralise(object? value) => value is string text ? Neutralise(text) : value;

}

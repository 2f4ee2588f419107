namespace Matcher.Core.Documents;

public enum DocumentFormat { PlainText, Markdown, Html, Json, Pdf, Docx }

/// <summary>Text read from a file, with the format detected from its content.</summary>
/// <param name="Markup">The original markup for HTML, JSON and Markdown, where structure matters to the reader.</param>
public sealed record DocumentContent(DocumentFormat Format, string Text, string? Markup = null);

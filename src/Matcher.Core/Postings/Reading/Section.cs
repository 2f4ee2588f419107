using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

/// <summary>A run of normalised lines under one heading (blank lines kept as paragraph breaks).</summary>
internal sealed record Section(SectionKind Kind, string? Heading, IReadOnlyList<string> Lines)
{
    public string Text => TextNormalizer.JoinLines(Lines);
}

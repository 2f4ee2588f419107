using System.Text.Json;
using Matcher.Core.Cvs;
using Matcher.Core.Cvs.Reading;

namespace Matcher.Core.Tests.Cvs;

/// <summary>CV headings come from the "cv" group of headings.json, beside the posting headings.</summary>
public sealed class CvHeadingVocabularyTests
{
    private static IEnumerable<(string Section, string Wording)> FileWordings()
    {
        using var stream = typeof(CvReader).Assembly.GetManifestResourceStream("Matcher.Core.headings.json")!;
        using var document = JsonDocument.Parse(stream);
        foreach (var section in document.RootElement.GetProperty("cv").EnumerateObject().Where(s => !s.Name.StartsWith('_')))
            foreach (var wording in section.Value.EnumerateArray())
                yield return (section.Name, wording.GetString()!);
    }

    [Fact]
    public void Every_cv_wording_in_the_file_opens_its_section_in_any_case()
    {
        var wordings = FileWordings().ToList();

        Assert.True(wordings.Count > 100, $"only {wordings.Count} CV headings were read from headings.json");
        foreach (var (section, wording) in wordings)
        {
            Assert.Equal(Enum.Parse<CvSection>(section, ignoreCase: true), CvSectionDetector.Match(CvLine.From(wording.ToUpperInvariant()))?.Section);
        }
    }

    [Fact]
    public void The_file_covers_every_cv_section_but_the_header()
    {
        var sections = FileWordings().Select(w => Enum.Parse<CvSection>(w.Section, ignoreCase: true)).ToHashSet();

        Assert.Equal(Enum.GetValues<CvSection>().Where(s => s != CvSection.Header).ToHashSet(), sections);
    }
}

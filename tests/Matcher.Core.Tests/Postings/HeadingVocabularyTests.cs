using Matcher.Core.Postings.Reading;

namespace Matcher.Core.Tests.Postings;

public sealed class HeadingVocabularyTests
{
    [Theory]
    [InlineData("Basic Qualifications", nameof(SectionKind.Requirements))]
    [InlineData("MINIMUM QUALIFICATIONS:", nameof(SectionKind.Requirements))]
    [InlineData("Key Qualifications", nameof(SectionKind.Requirements))]
    [InlineData("Education & Experience", nameof(SectionKind.Requirements))]
    [InlineData("Preferred Qualifications", nameof(SectionKind.Preferred))]
    [InlineData("Nice to have", nameof(SectionKind.Preferred))]
    [InlineData("Key job responsibilities", nameof(SectionKind.Responsibilities))]
    [InlineData("What you'll do", nameof(SectionKind.Responsibilities))]
    [InlineData("PRIVACY NOTICE TO SIE LLCS JOB APPLICANTS", nameof(SectionKind.Boilerplate))]
    [InlineData("Equal Opportunity Statement:", nameof(SectionKind.Boilerplate))]
    [InlineData("Why PlayStation?", nameof(SectionKind.About))]
    [InlineData("About Lumen Health", nameof(SectionKind.About))]
    [InlineData("About the role", nameof(SectionKind.Description))]
    [InlineData("Ihr Profil", nameof(SectionKind.Requirements))]
    public void Recognises_section_headings(string line, string expected)
    {
        Assert.Equal(expected, HeadingVocabulary.Classify(line)?.ToString());
    }

    [Theory]
    [InlineData("About 5 years of experience in sales")]
    [InlineData("Knowledge of data protection regulations.")]
    [InlineData("Strong communication skills")]
    [InlineData("• Requirements")]
    public void Does_not_take_requirement_lines_for_headings(string line)
    {
        Assert.Null(HeadingVocabulary.Classify(line));
    }
}

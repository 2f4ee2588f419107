using Matcher.Core.Postings.Reading;

namespace Matcher.Core.Tests.Postings;

public sealed class HeadingVocabularyTests
{
    [Theory]
    [InlineData("Basic Qualifications", nameof(SectionKind.Requirements))]
    [InlineData("MINIMUM QUALIFICATIONS:", nameof(SectionKind.Requirements))]
    [InlineData("Key Qualifications", nameof(SectionKind.Requirements))]
    [InlineData("Education & Experience", nameof(SectionKind.Education))]
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
    [InlineData("What you'll do", nameof(SectionKind.Responsibilities))]
    [InlineData("WHAT YOU WILL DO:", nameof(SectionKind.Responsibilities))]
    [InlineData("What you’ll need", nameof(SectionKind.Requirements))]
    [InlineData("What we're looking for", nameof(SectionKind.Requirements))]
    [InlineData("You have", nameof(SectionKind.Requirements))]
    [InlineData("You are", nameof(SectionKind.Requirements))]
    [InlineData("Must have", nameof(SectionKind.Requirements))]
    [InlineData("Must-haves:", nameof(SectionKind.Requirements))]
    [InlineData("Nice to have", nameof(SectionKind.Preferred))]
    [InlineData("Nice-to-haves", nameof(SectionKind.Preferred))]
    [InlineData("Bonus points", nameof(SectionKind.Preferred))]
    [InlineData("Essential", nameof(SectionKind.Requirements))]
    [InlineData("Essential criteria", nameof(SectionKind.Requirements))]
    [InlineData("Desirable", nameof(SectionKind.Preferred))]
    [InlineData("Desirable Criteria:", nameof(SectionKind.Preferred))]
    [InlineData("Person specification", nameof(SectionKind.Requirements))]
    [InlineData("Skills & experience", nameof(SectionKind.Requirements))]
    [InlineData("Knowledge, Skills and Abilities", nameof(SectionKind.Requirements))]
    [InlineData("Minimum Qualifications", nameof(SectionKind.Requirements))]
    [InlineData("BASIC QUALIFICATIONS", nameof(SectionKind.Requirements))]
    [InlineData("Preferred qualifications:", nameof(SectionKind.Preferred))]
    [InlineData("Education and Experience", nameof(SectionKind.Education))]
    [InlineData("Key Responsibilities", nameof(SectionKind.Responsibilities))]
    [InlineData("Essential Duties", nameof(SectionKind.Responsibilities))]
    [InlineData("Essential Duties and Responsibilities", nameof(SectionKind.Responsibilities))]
    [InlineData("Job Duties", nameof(SectionKind.Responsibilities))]
    [InlineData("Duties/Responsibilities:", nameof(SectionKind.Responsibilities))]
    [InlineData("Position Summary", nameof(SectionKind.Summary))]
    [InlineData("The ideal candidate", nameof(SectionKind.Requirements))]
    [InlineData("Licenses/Certifications", nameof(SectionKind.Licences))]
    [InlineData("Physical Demands", nameof(SectionKind.Conditions))]
    [InlineData("Work Environment", nameof(SectionKind.Conditions))]
    [InlineData("Schedule:", nameof(SectionKind.Schedule))]
    [InlineData("Benefits & Perks", nameof(SectionKind.Compensation))]
    [InlineData("How to apply", nameof(SectionKind.HowToApply))]
    [InlineData("Additional Information", nameof(SectionKind.Other))]
    [InlineData("Company Description", nameof(SectionKind.About))]
    [InlineData("Warehouse Associate Work Hours", nameof(SectionKind.Schedule))]
    [InlineData("Field And Lab Skills Requirements", nameof(SectionKind.Requirements))]
    public void Recognises_the_common_heading_vocabulary_in_any_casing(string line, string expected)
    {
        Assert.Equal(expected, HeadingVocabulary.Classify(line)?.ToString());
    }

    [Theory]
    [InlineData("[key|main]* (duties|tasks) [and responsibilities]", "main key tasks and responsibilities", true)]
    [InlineData("[key|main]* (duties|tasks) [and responsibilities]", "duties", true)]
    [InlineData("[key|main]* (duties|tasks) [and responsibilities]", "key duties and", false)]
    [InlineData("[key|main]* (duties|tasks) [and responsibilities]", "other duties", false)]
    public void Reads_optional_and_alternative_words_in_vocabulary_phrases(string phrase, string heading, bool matches)
    {
        Assert.Equal(matches, HeadingVocabulary.PhraseRegex(phrase).IsMatch(heading));
    }

    [Theory]
    [InlineData("Excellent Communication Skills")]
    [InlineData("Strong Work Experience")]
    [InlineData("About 5 years of experience in sales")]
    [InlineData("Knowledge of data protection regulations.")]
    [InlineData("Strong communication skills")]
    [InlineData("• Requirements")]
    public void Does_not_take_requirement_lines_for_headings(string line)
    {
        Assert.Null(HeadingVocabulary.Classify(line));
    }
}

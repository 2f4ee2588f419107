using System.Text;
using Matcher.Core.Cvs;
using Matcher.Core.Cvs.Reading;
using Matcher.Core.Matching.Lexicon;
using Matcher.Core.Postings;
using Matcher.Core.Text;

namespace Matcher.Core.Tests.Text;

/// <summary>The one degree vocabulary (<c>degrees.json</c>) as CVs, postings and the lexicon read it.</summary>
public sealed class DegreeVocabularyTests
{
    private const string CustomVocabulary = """
        {
          "levels": [
            { "level": "Master", "words": ["magistra", "master"], "abbreviations": ["MS"] },
            { "level": "Bachelor", "words": ["bachelor"], "inEducation": ["grado"] }
          ],
          "anyDegree": ["hochschulabschluss"],
          "notDegrees": ["MS Paint"]
        }
        """;

    private static DegreeVocabulary Custom() => DegreeVocabulary.Load(new MemoryStream(Encoding.UTF8.GetBytes(CustomVocabulary)));

    [Theory]
    [InlineData("PhD in Physics", DegreeLevel.PhD)]
    [InlineData("Master’s degree in Economics", DegreeLevel.Master)]
    [InlineData("Diplom-Kauffrau (Business Administration)", DegreeLevel.Master)]
    [InlineData("B.Sc. Informatik", DegreeLevel.Bachelor)]
    [InlineData("Associate of Applied Science", DegreeLevel.Associate)]
    [InlineData("M.Tech in Structural Engineering (2019)", DegreeLevel.Master)]
    [InlineData("MCA, Institute of Management (2021)", DegreeLevel.Master)]
    [InlineData("BCA, City College (2018)", DegreeLevel.Bachelor)]
    [InlineData("B.E in Civil Engineering", DegreeLevel.Bachelor)]
    [InlineData("Pursuing a graduate degree in public policy", DegreeLevel.Master)]
    [InlineData("Postgraduate degree in nursing", DegreeLevel.Master)]
    public void The_shipped_file_knows_each_level(string text, DegreeLevel level) =>
        Assert.Equal(level, DegreeVocabulary.Default.Find(text)?.Level);

    [Theory]
    [InlineData("Undergraduate degree in economics", DegreeLevel.Bachelor)]
    [InlineData("Graduate of a two-year programme", null)]
    [InlineData("Coordinated M.E.P. trades on site", null)]
    public void Graduate_words_name_a_masters_only_as_a_graduate_degree(string text, DegreeLevel? level) =>
        Assert.Equal(level, DegreeVocabulary.Default.Find(text)?.Level);

    [Fact]
    public void A_posting_asking_for_a_graduate_degree_sets_the_bar_at_a_masters() =>
        Assert.Equal(DegreeLevel.Master, DegreeVocabulary.Default.Lowest("Pursuing a graduate degree or have completed a graduate program within the last year."));

    [Fact]
    public void A_spelling_added_to_a_vocabulary_file_is_found()
    {
        var found = Custom().Find("Magistra Artium, Universität Wien");

        Assert.Equal((DegreeLevel.Master, 0, "Magistra"), (found?.Level, found?.Index, found?.Value));
        Assert.Null(DegreeVocabulary.Default.Find("Magistra Artium, Universität Wien"));
    }

    [Fact]
    public void A_phrase_added_to_not_degrees_stops_a_spelling_from_counting_there()
    {
        Assert.Null(Custom().Find("Drew the diagrams in MS Paint"));
        Assert.Equal(DegreeLevel.Master, Custom().Find("MS in Physics")?.Level);
        Assert.Equal(DegreeLevel.Master, DegreeVocabulary.Default.Find("Drew the diagrams in MS Paint")?.Level);
    }

    [Fact]
    public void A_degree_without_a_level_from_the_file_counts_as_a_bachelors_for_postings()
    {
        Assert.Equal(DegreeLevel.Bachelor, Custom().Lowest("Abgeschlossener Hochschulabschluss in Informatik"));
        Assert.Null(Custom().Find("Abgeschlossener Hochschulabschluss in Informatik"));
    }

    [Fact]
    public void Everyday_words_name_a_degree_only_in_education()
    {
        Assert.Null(DegreeVocabulary.Default.Find("Forklift licence, valid until 2027"));
        Assert.Equal(DegreeLevel.Bachelor, DegreeVocabulary.Default.Find("Licence (BSc) Mathematics", inEducation: true)?.Level);
        Assert.Equal(DegreeLevel.Bachelor, Custom().Find("Grado en Economía", inEducation: true)?.Level);
        Assert.Null(Custom().Find("Grado en Economía"));
    }

    [Fact]
    public void Postings_ask_for_the_lowest_level_named()
    {
        Assert.Equal(DegreeLevel.Master, DegreeVocabulary.Default.Lowest("MS or PhD in Computer Science"));
        Assert.Equal(DegreeLevel.PhD, DegreeVocabulary.Default.Find("MS or PhD in Computer Science")?.Level);
    }

    [Fact]
    public void A_file_with_an_unknown_level_is_refused_with_the_levels_it_may_use()
    {
        var json = """{ "levels": [ { "level": "Diploma", "words": ["diploma"] } ] }""";

        var error = Assert.Throws<InvalidDataException>(() => DegreeVocabulary.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("\"Diploma\"", error.Message);
        Assert.Contains("PhD, Master, Bachelor or Associate", error.Message);
    }

    [Fact]
    public void The_skill_lexicon_names_degrees_by_the_vocabularys_spellings()
    {
        using var skills = typeof(SkillLexicon).Assembly.GetManifestResourceStream("Matcher.Core.skills.json")!;
        var lexicon = SkillLexicon.Load(skills, Custom());

        Assert.Contains("master", lexicon.Find(Tokenizer.Tokenize("Magistra in Linguistics")));
        Assert.DoesNotContain("master", SkillLexicon.Default.Find(Tokenizer.Tokenize("Magistra in Linguistics")));
        Assert.Contains("python", lexicon.Find(Tokenizer.Tokenize("Python")));
    }

    [Theory]
    [InlineData("Proficient in MS Office and Excel")]
    [InlineData("Proficient in MS-Office and Excel")]
    [InlineData("Built LLM pipelines for customer support")]
    [InlineData("Forklift licence, valid until 2027")]
    public void A_cv_without_headings_reads_no_degree_into_software_skills_or_licences(string line)
    {
        var cv = new CvReader().ReadText($"Jane Doe\njane@example.com\n\nOffice Administrator, Acme Ltd, 2019 - 2023\n- Managed schedules for 40 staff\n\n{line}\n");

        Assert.Contains(CvGuesser.NoHeadingsWarning, cv.Warnings);
        Assert.Single(cv.Experience);
        Assert.Empty(cv.Education);
    }

    [Fact]
    public void A_cv_without_headings_still_reads_a_degree_line_as_education()
    {
        var cv = new CvReader().ReadText("Jane Doe\njane@example.com\n\nOffice Administrator, Acme Ltd, 2019 - 2023\n- Managed schedules\n\nMS Computer Science, Boston University, 2018\n");

        Assert.Equal(DegreeLevel.Master, Assert.Single(cv.Education).Level);
    }

    [Theory]
    [InlineData("Proficient in MS-Office and Excel")]
    [InlineData("Scrum Master certification")]
    public void A_posting_line_about_software_or_a_role_asks_for_no_degree(string line) =>
        Assert.Null(PostingReader.RequirementFrom(line, RequirementKind.Required).Degree);
}

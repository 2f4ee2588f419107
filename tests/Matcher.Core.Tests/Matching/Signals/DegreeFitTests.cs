using Matcher.Core.Matching;
using Matcher.Core.Matching.Lexicon;
using Matcher.Core.Matching.Signals;
using Matcher.Core.Postings;

namespace Matcher.Core.Tests.Matching.Signals;

public class DegreeFitTests
{
    private static readonly MatchingOptions Options = new();

    private static Requirement Row(string id, string text, RequirementKind kind = RequirementKind.Required) => new()
    {
        Id = id,
        Text = text,
        Kind = kind,
        Category = RequirementCategory.Education,
    };

    // A policy fellowship for graduate students: a first degree is assumed, the graduate degree is the bar.
    private static readonly Requirement[] Fellowship =
    [
        Row("r1", "Bachelor's degree required."),
        Row("r2", "Pursuing a graduate degree or completed one within the last year."),
        Row("r3", "Confident with spreadsheets and slide decks"),
    ];

    private static double Value(IReadOnlyList<Requirement> rows, DegreeLevel held, double years = 0) =>
        DegreeFit.Signal(rows, held, years, Options, SkillLexicon.Default).Value;

    [Fact]
    public void A_graduate_programme_reads_a_first_degree_only_as_below_its_bar()
    {
        var master = DegreeFit.Signal(Fellowship, DegreeLevel.Master, 0, Options, SkillLexicon.Default);
        var bachelor = DegreeFit.Signal(Fellowship, DegreeLevel.Bachelor, 0, Options, SkillLexicon.Default);

        Assert.Equal(1, master.Value);
        Assert.Equal(Options.DegreeOneLevelBelowScore, bachelor.Value);
        Assert.Equal("The position requires a master's degree; the CV shows a bachelor's degree, which is one level below it", bachelor.Explanation);
        Assert.Equal(0, Value(Fellowship, DegreeLevel.None));
    }

    [Fact]
    public void A_higher_degree_than_asked_meets_the_bar() =>
        Assert.Equal(1, Value([Row("r1", "Bachelor's degree in nursing")], DegreeLevel.PhD));

    [Fact]
    public void A_degree_the_posting_only_prefers_sets_no_bar()
    {
        var rows = new[] { Row("r1", "Bachelor's degree"), Row("r2", "Master's degree a plus", RequirementKind.Preferred) };

        Assert.Equal(1, Value(rows, DegreeLevel.Bachelor));
    }

    [Fact]
    public void A_posting_that_asks_no_degree_holds_every_applicant_alike()
    {
        var rows = new[] { Row("r1", "Two years of warehouse work"), Row("r2", "Forklift licence") };

        Assert.Equal(Value(rows, DegreeLevel.None), Value(rows, DegreeLevel.Master));
        Assert.Equal(1, Value([], DegreeLevel.None));
    }

    [Fact]
    public void Years_of_work_stand_in_for_the_degree_only_where_the_posting_says_so()
    {
        var strict = new[] { Row("r1", "Bachelor's degree in accounting") };
        var open = new[] { Row("r1", "Bachelor's degree in accounting or equivalent experience") };

        Assert.Equal(0, Value(strict, DegreeLevel.None, years: 12));
        Assert.Equal(Options.EquivalentExperienceDegreeScore, Value(open, DegreeLevel.None, years: 12));
        Assert.Equal(0, Value(open, DegreeLevel.None, years: 1));
    }
}

using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Embeddings.Onnx;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Matcher.Core.Tests.Matching;

/// <summary>One MiniLM session and one engine per test class: loading the model takes most of a second.</summary>
public sealed class MatchEngineFixture : IDisposable
{
    public static readonly DateTimeOffset Today = new(2025, 6, 15, 0, 0, 0, TimeSpan.Zero);

    public OnnxSentenceEmbeddingGenerator Embedder { get; } = new(LocalModels.MiniLmL6V2, new OnnxEmbeddingSettings(16, Threads: 2));
    public MatchingOptions Options { get; } = new();
    public MatchEngine Engine { get; }

    public MatchEngineFixture() => Engine = new MatchEngine(Embedder, Microsoft.Extensions.Options.Options.Create(Options), Clock());

    public static CvDocument Cv(string name) =>
        new CvReader(new DocumentReader(), Clock()).Read(File.ReadAllBytes(PathOf(name)), name);

    public static Posting Posting(string name) => new PostingReader().Read(File.ReadAllBytes(PathOf(name)), name);

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "matching", name);

    public void Dispose() => Embedder.Dispose();

    /// <summary>A clock stopped at <see cref="Today"/>, the day the fixtures' years of experience are counted to.</summary>
    public static FakeTimeProvider Clock() => new(Today);
}

public class MatchEngineTests(MatchEngineFixture fixture) : IClassFixture<MatchEngineFixture>
{
    private const string Researcher = "posting-signal-researcher.md";

    private Task<MatchReport> MatchAsync(string cv, string posting) =>
        fixture.Engine.MatchAsync(MatchEngineFixture.Cv(cv), MatchEngineFixture.Posting(posting), 0, TestContext.Current.CancellationToken);

    private static RequirementResult Requirement(MatchReport report, string startsWith) =>
        Assert.Single(report.Requirements, r => r.Text.StartsWith(startsWith, StringComparison.Ordinal));

    [Fact]
    public async Task The_score_is_the_fit_models_sum_of_named_signals_each_explained_and_the_receipt_carries_the_model()
    {
        var report = await MatchAsync("cv-audio-engineer.md", Researcher);

        Assert.Equal(Matcher.Core.Evaluation.FitTraining.Signals.Order(), report.Signals.Select(s => s.Name).Order());
        Assert.All(report.Signals, s =>
        {
            Assert.InRange(s.Value, 0, 1);
            Assert.False(string.IsNullOrWhiteSpace(s.Explanation));
            // Value is shown to three places and points to one, so they agree to within both roundings.
            Assert.InRange(s.Points, s.Weight * s.Value - 0.05 - s.Weight * 0.0005, s.Weight * s.Value + 0.05 + s.Weight * 0.0005);
        });
        var model = Assert.IsType<Matcher.Core.Matching.Signals.FitModel>(report.Receipt.Model);
        var raw = model.Intercept + report.Signals.Sum(s => s.Weight * s.Value);
        // Values are kept to three places: the raw fit agrees within that rounding, the score within it times the scale's slope.
        var slack = 0.0005 * report.Signals.Sum(s => s.Weight);
        Assert.InRange(report.RawFit!.Value, raw - slack, raw + slack);
        if (report.CapNote is null)
            Assert.InRange(report.Score, model.Scale(raw - slack) - 0.05, model.Scale(raw + slack) + 0.05);
        else
            Assert.Equal(model.MustHaveCap, report.Score);
    }

    [Fact]
    public async Task A_specialist_scores_higher_than_an_unrelated_cv_on_the_signals_a_recruiter_reads()
    {
        var specialist = await MatchAsync("cv-audio-engineer.md", Researcher);
        var nurse = await MatchAsync("cv-lapsed-nurse.md", Researcher);

        double Value(MatchReport r, string name) => r.Signals.Single(s => s.Name == name).Value;
        Assert.True(Value(specialist, "focus") > Value(nurse, "focus"), $"focus {Value(specialist, "focus")} vs {Value(nurse, "focus")}");
        Assert.True(specialist.Score > nurse.Score + 10, $"{specialist.Score} vs {nurse.Score}");
    }

    [Theory]
    [InlineData("cv-audio-engineer.md", "matlab")]
    [InlineData("cv-python-bachelor.md", "python")]
    public async Task Python_Matlab_or_similar_is_met_by_any_one_of_them(string cv, string named)
    {
        var report = await MatchAsync(cv, Researcher);

        var languages = Requirement(report, "Programming in Python");
        Assert.Equal(MatchStatus.Met, languages.Status);
        Assert.Contains(named, languages.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not found", languages.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_required_degree_caps_the_requirement_however_close_the_wording()
    {
        var bachelor = Requirement(await MatchAsync("cv-python-bachelor.md", Researcher), "Master's degree");
        var master = Requirement(await MatchAsync("cv-audio-engineer.md", Researcher), "Master's degree");

        Assert.True(bachelor.Score < fixture.Options.MetThreshold, $"a bachelor's scored {bachelor.Score} against a master's requirement");
        Assert.NotEqual(MatchStatus.Met, bachelor.Status);
        Assert.Contains("a bachelor's degree", bachelor.Reason);
        Assert.True(master.Score > bachelor.Score, $"master's {master.Score} should beat bachelor's {bachelor.Score}");
    }

    [Fact]
    public async Task Or_equivalent_experience_lets_years_of_work_stand_in_for_the_degree()
    {
        var report = await MatchAsync("cv-self-taught-java.md", "posting-degree-or-equivalent.md");

        var degree = Requirement(report, "Bachelor's degree");
        Assert.NotEqual(MatchStatus.Missing, degree.Status);
        Assert.Contains("equivalent experience", degree.Reason);
        Assert.True(degree.Score >= fixture.Options.PartialThreshold, $"scored {degree.Score}");
    }

    [Fact]
    public async Task Years_in_overlapping_roles_are_counted_once_and_the_reason_quotes_the_span()
    {
        var cv = MatchEngineFixture.Cv("cv-audio-engineer.md");
        Assert.Equal(2, cv.Experience.Count);
        Assert.True(cv.Experience[1].Start < cv.Experience[0].End, "the fixture's roles must overlap");

        var report = await fixture.Engine.MatchAsync(cv, MatchEngineFixture.Posting(Researcher), 0, TestContext.Current.CancellationToken);

        var years = Requirement(report, "3+ years");
        // 2019-03 to 2023-08 is 53 months (end month exclusive, as in the CV's total); counted per role it would be more.
        Assert.Contains("CV shows 4.4 years", years.Reason);
        Assert.Contains("2019-03 to 2023-08", years.Reason);
        Assert.Equal(MatchStatus.Met, years.Status);
    }

    [Fact]
    public async Task A_CV_without_text_is_bad_input()
    {
        var blank = new CvDocument { Text = "   " };

        var error = await Assert.ThrowsAsync<InputException>(() =>
            fixture.Engine.MatchAsync(blank, MatchEngineFixture.Posting(Researcher), 0, TestContext.Current.CancellationToken));
        Assert.Contains("no readable text", error.Message);
    }

    [Fact]
    public async Task A_position_with_nothing_to_match_is_bad_input_that_names_it()
    {
        var empty = new Posting { Positions = [new Position { Title = "Office Manager" }] };

        var error = await Assert.ThrowsAsync<InputException>(() =>
            fixture.Engine.MatchAsync(MatchEngineFixture.Cv("cv-audio-engineer.md"), empty, 0, TestContext.Current.CancellationToken));
        Assert.Contains("Office Manager", error.Message);
    }

    [Fact]
    public async Task The_same_inputs_give_the_same_score_and_receipt()
    {
        var first = await MatchAsync("cv-python-bachelor.md", Researcher);
        var second = await MatchAsync("cv-python-bachelor.md", Researcher);

        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Requirements.Select(r => r.Score), second.Requirements.Select(r => r.Score));
        Assert.Equal(first.Receipt.CvSha256, second.Receipt.CvSha256);
        Assert.Equal(first.Receipt.PostingSha256, second.Receipt.PostingSha256);
        Assert.Equal(first.Receipt.Weights, second.Receipt.Weights);
        Assert.Equal(LocalModels.MiniLmL6V2.Id, first.Receipt.EmbeddingModel);
    }

    [Fact]
    public async Task A_position_that_lists_only_responsibilities_is_matched_on_them_and_says_so()
    {
        var posting = MatchEngineFixture.Posting("posting-responsibilities-only.md");
        Assert.Empty(posting.Positions[0].Requirements);

        var report = await MatchAsync("cv-python-bachelor.md", "posting-responsibilities-only.md");

        Assert.True(report.MatchedResponsibilities);
        Assert.Equal(posting.Positions[0].Responsibilities, report.Requirements.Select(r => r.Text));
    }

    [Fact]
    public async Task An_internship_scales_down_an_applicant_who_is_not_studying_and_says_why()
    {
        var professional = await MatchAsync("cv-python-bachelor.md", "posting-responsibilities-only.md");
        var student = await MatchAsync("cv-imaging-student.md", "posting-responsibilities-only.md");

        Assert.Null(student.LevelNote);
        Assert.NotNull(professional.LevelNote);
        Assert.Contains("internship", professional.LevelNote);
        Assert.Contains("internship", professional.Verdict);
    }

    [Fact]
    public async Task A_licence_the_CV_says_has_lapsed_does_not_meet_a_licence_requirement()
    {
        var report = await MatchAsync("cv-lapsed-nurse.md", "posting-icu-nurse.md");

        var licence = Requirement(report, "Active Registered Nurse");
        Assert.Equal(MatchStatus.Missing, licence.Status);
        Assert.Contains("not held", licence.Reason);
        Assert.Contains(licence.Evidence, e => e.Text.Contains("lapsed", StringComparison.Ordinal));
    }
}

using Matcher.Core.Matching;
using Matcher.Core.Matching.Scoring;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;

namespace Matcher.Core.Tests.Reports;

public class OverridesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static MatchReport Scored()
    {
        var report = ReportFixtures.Sample();
        return report with { Score = Matcher.Core.Matching.Scoring.OverallScore.Compute(report.Requirements, new MatchingOptions()) };
    }

    [Fact]
    public void Marking_a_missing_required_qualification_met_raises_the_score_and_keeps_the_original()
    {
        var report = Scored();

        var changed = Overrides.Apply(report, [new OverrideDecision("r2", MatchStatus.Met, "Degree confirmed by transcript", "advisor", Monday)]);

        Assert.True(changed.Score > report.Score);
        Assert.Equal(report.Score, changed.OriginalScore);
        var row = changed.Requirements.Single(r => r.Id == "r2");
        Assert.Equal(MatchStatus.Met, row.Status);
        Assert.Equal(MatchStatus.Missing, row.Override!.OriginalStatus);
        Assert.Equal(0.1, row.Override.OriginalScore);
        Assert.Equal("Degree confirmed by transcript", row.Override.Reason);
        Assert.Equal(0, changed.Summary.Required.Missing);
        Assert.DoesNotContain("required qualification not shown", changed.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_keeps_the_level_scaling_and_its_note()
    {
        var options = new MatchingOptions();
        var report = ReportFixtures.Sample();
        var scaled = report with
        {
            LevelFactor = 0.6,
            LevelNote = "The position is an internship and the CV shows no current studies",
            Score = Math.Round(Matcher.Core.Matching.Scoring.OverallScore.Compute(report.Requirements, options) * 0.6, 1),
        };

        var changed = Overrides.Apply(scaled, [new OverrideDecision("r2", MatchStatus.Met, "Degree confirmed", "advisor", Monday)]);

        var unscaled = Overrides.Apply(scaled with { LevelFactor = 1.0 }, [new OverrideDecision("r2", MatchStatus.Met, "Degree confirmed", "advisor", Monday)]);
        Assert.Equal(Math.Round(unscaled.Score * 0.6, 1), changed.Score, 1);
        Assert.Contains("the position is an internship", changed.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_weights_not_defaults_rescore_an_overridden_report()
    {
        var report = Scored();
        var heavierPreferred = report with
        {
            Receipt = report.Receipt with { Weights = new Dictionary<string, double> { ["preferred"] = 1.0, ["specific"] = 1.0 } },
        };
        OverrideDecision[] decisions = [new("r3", MatchStatus.Met, "Uses Power BI daily", "advisor", Monday)];

        Assert.NotEqual(Overrides.Apply(report, decisions).Score, Overrides.Apply(heavierPreferred, decisions).Score);
        Assert.Equal(1.0, MatchingOptions.FromReceipt(heavierPreferred.Receipt).PreferredWeight);
        Assert.Equal(new MatchingOptions().MetThreshold, MatchingOptions.FromReceipt(heavierPreferred.Receipt).MetThreshold);
    }

    [Fact]
    public void The_latest_decision_on_a_requirement_wins()
    {
        var changed = Overrides.Apply(Scored(),
        [
            new OverrideDecision("r1", MatchStatus.Missing, "Only coursework", "advisor", Monday),
            new OverrideDecision("r1", MatchStatus.Partial, "Some production SQL after all", "advisor", Monday.AddHours(1)),
        ]);

        var row = changed.Requirements.Single(r => r.Id == "r1");
        Assert.Equal(MatchStatus.Partial, row.Status);
        Assert.Equal("Some production SQL after all", row.Override!.Reason);
    }

    [Fact]
    public void The_same_decisions_give_the_same_score_and_no_decisions_change_nothing()
    {
        var report = Scored();
        OverrideDecision[] decisions = [new("r3", MatchStatus.Missing, "No BI tools", "advisor", Monday)];

        Assert.Equal(Overrides.Apply(report, decisions).Score, Overrides.Apply(report, decisions).Score);
        Assert.Same(report, Overrides.Apply(report, []));
    }

    /// <summary>A report scored by a fit model: the degree is a must-have and missing, so the score is held at the cap.</summary>
    private static MatchReport ScoredByModel(IReadOnlyList<Matcher.Core.Matching.Signals.CalibrationKnot>? calibration = null)
    {
        var sample = ReportFixtures.Sample();
        var rows = sample.Requirements.Select(r => r.Id == "r2" ? r with { Gate = true } : r).ToList();
        var model = new Matcher.Core.Matching.Signals.FitModel
        {
            Name = "test-model",
            Intercept = 10,
            Weights = new Dictionary<string, double> { ["requirements"] = 50, ["focus"] = 40, ["mustHaves"] = 0 },
            MustHaveCap = 49,
            Calibration = calibration ?? [],
        };
        var options = new MatchingOptions();
        var requirements = OverallScore.Compute(rows, options) / 100;
        Matcher.Core.Matching.Signals.FitSignal[] signals =
        [
            new("requirements", requirements, 50, requirements * 50, "rows"),
            new("focus", 0.9, 40, 36, "focus"),
            new("mustHaves", 0, 0, 0, "Not shown: Bachelor's degree in a quantitative field"),
        ];
        return sample with
        {
            Requirements = rows,
            Signals = signals,
            Score = 49,
            CapNote = "Held at 49 because a must-have is not shown (Bachelor's degree in a quantitative field)",
            Receipt = sample.Receipt with { Model = model },
        };
    }

    [Fact]
    public void Confirming_a_missing_must_have_lifts_the_cap_and_rescores_through_the_receipts_fit_model()
    {
        var report = ScoredByModel();

        var changed = Overrides.Apply(report, [new OverrideDecision("r2", MatchStatus.Met, "Degree confirmed by transcript", "advisor", Monday)]);

        var requirements = changed.Signals.Single(s => s.Name == "requirements");
        var mustHaves = changed.Signals.Single(s => s.Name == "mustHaves");
        Assert.Equal(1, mustHaves.Value);
        Assert.True(requirements.Value > report.Signals.Single(s => s.Name == "requirements").Value);
        Assert.Null(changed.CapNote);
        // Intercept, requirements and focus points as the model in the receipt weighs them; focus is untouched by the decision.
        Assert.Equal(Math.Round(10 + 50 * requirements.Value + 36, 1), changed.Score, 1);
        Assert.True(changed.Score > 49);
        Assert.Equal(49, changed.OriginalScore);
    }

    [Fact]
    public void Marking_a_must_have_missing_holds_the_score_at_the_models_cap()
    {
        var report = ScoredByModel();
        var met = Overrides.Apply(report, [new OverrideDecision("r2", MatchStatus.Met, "Degree confirmed", "advisor", Monday)]);

        var missingAgain = Overrides.Apply(met, [new OverrideDecision("r2", MatchStatus.Missing, "Transcript was for another person", "advisor", Monday.AddHours(1))]);

        Assert.Equal(49, missingAgain.Score);
        Assert.Contains("must-have is not shown", missingAgain.CapNote, StringComparison.Ordinal);
        Assert.Contains("must-have is not shown", missingAgain.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_rescores_through_the_scale_in_the_receipt_and_a_stored_receipt_keeps_it()
    {
        var report = ScoredByModel([new(0, 0), new(40, 30), new(70, 85), new(100, 100)]);
        var stored = System.Text.Json.JsonSerializer.Deserialize<MatchReport>(
            System.Text.Json.JsonSerializer.Serialize(report, MatcherJson.Options), MatcherJson.Options)!;

        var changed = Overrides.Apply(stored, [new OverrideDecision("r2", MatchStatus.Met, "Degree confirmed by transcript", "advisor", Monday)]);

        var model = stored.Receipt.Model!;
        Assert.Equal(report.Receipt.Model!.Calibration, model.Calibration);
        var raw = 10 + 50 * changed.Signals.Single(s => s.Name == "requirements").Value + 36;
        // The signal row keeps its value to three places; the raw fit and score agree within that rounding.
        Assert.InRange(changed.RawFit!.Value, raw - 0.03, raw + 0.03);
        Assert.InRange(changed.Score, model.Scale(raw) - 0.1, model.Scale(raw) + 0.1);
        Assert.NotEqual(Math.Round(raw, 1), changed.Score);
    }
}

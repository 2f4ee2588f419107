using Matcher.Core.Matching.Signals;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Core.Tests.Reports;

namespace Matcher.Core.Tests.Matching.Signals;

public class CoreSignalTests
{
    private static RequirementResult Row(string id, string text, MatchStatus status, double score, double? centrality) => new()
    {
        Id = id,
        Text = text,
        Kind = RequirementKind.Required,
        Category = RequirementCategory.Other,
        Status = status,
        Score = score,
        Evidence = [],
        Reason = "",
        Centrality = centrality,
    };

    // A teller posting: one row names the job's own work, two are asked of any job.
    private static List<RequirementResult> Teller(bool cashShown) =>
    [
        Row("r1", "Accurate cash handling at a bank counter", cashShown ? MatchStatus.Met : MatchStatus.Missing, cashShown ? 1 : 0, 0.7),
        Row("r2", "Strong communication skills", cashShown ? MatchStatus.Missing : MatchStatus.Met, cashShown ? 0 : 1, 0.15),
        Row("r3", "Attention to detail", MatchStatus.Met, 1, 0.1),
    ];

    [Fact]
    public void Meeting_the_rows_closest_to_the_job_counts_more_than_meeting_the_rows_any_job_asks()
    {
        var teller = SignalExtractor.CoreSignal(Teller(cashShown: true), responsibilities: false);
        var generalist = SignalExtractor.CoreSignal(Teller(cashShown: false), responsibilities: false);

        // Both meet two of three rows; only the teller meets the one that names the job.
        Assert.True(teller.Value > 0.9, $"teller {teller.Value}");
        Assert.True(generalist.Value < 0.2, $"generalist {generalist.Value}");
        Assert.StartsWith("Of the 3 requirements closest to the job itself, 2 met: “Accurate cash handling at a bank counter” met", teller.Explanation);
    }

    [Fact]
    public void Without_a_title_the_position_has_no_core_to_read()
    {
        var rows = Teller(cashShown: true).Select(r => r with { Centrality = null }).ToList();

        var core = SignalExtractor.CoreSignal(rows, responsibilities: true);

        Assert.Equal(0, core.Value);
        Assert.Contains("no title", core.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_advisor_confirming_the_core_row_moves_the_core_signal_and_the_score()
    {
        var rows = Teller(cashShown: false);
        var model = new FitModel { Name = "test-model", Intercept = 5, Weights = new Dictionary<string, double> { [SignalNames.Core] = 60, [SignalNames.Focus] = 20 } };
        var core = SignalExtractor.CoreSignal(rows, responsibilities: false);
        var report = ReportFixtures.Sample() with
        {
            Requirements = rows,
            Signals = [new(SignalNames.Core, core.Value, 60, 60 * core.Value, core.Explanation), new(SignalNames.Focus, 0.5, 20, 10, "focus")],
            Score = Math.Round(5 + 60 * core.Value + 10, 1),
            Receipt = ReportFixtures.Sample().Receipt with { Model = model },
        };

        var changed = Overrides.Apply(report, [new OverrideDecision("r1", MatchStatus.Met, "Cash handling shown in the interview", "advisor", DateTimeOffset.UnixEpoch)]);

        var after = changed.Signals.Single(s => s.Name == SignalNames.Core);
        Assert.True(after.Value > core.Value + 0.5, $"{core.Value} -> {after.Value}");
        Assert.Equal(Math.Round(5 + 60 * after.Value + 10, 1), changed.Score, 1);
    }
}

using Bunit;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Web.Components.Shared;
using MudBlazor;

namespace Matcher.Web.Tests.Components;

public class ReportViewTests : MudTestContext
{
    private static RequirementResult Row(string id, string text, RequirementKind kind, MatchStatus status, double score, params Evidence[] evidence) => new()
    {
        Id = id, Text = text, Kind = kind, Category = RequirementCategory.Skill,
        Status = status, Score = score, Evidence = evidence, Reason = $"reason for {id}",
    };

    private static MatchReport Report() => new()
    {
        Score = 64.5,
        Verdict = "Good fit with some gaps; 1 required qualification not shown",
        PositionIndex = 0,
        PositionTitle = "Machine Learning Engineer",
        Summary = new MatchSummary(1, 1, 1, new KindCounts(1, 0, 1), new KindCounts(0, 1, 0)),
        Requirements =
        [
            Row("r1", "Experience with PyTorch", RequirementKind.Required, MatchStatus.Met, 0.9, new Evidence("Trained ranking models in PyTorch", "Experience", 0.71)),
            Row("r2", "Kubernetes in production", RequirementKind.Required, MatchStatus.Missing, 0.1),
            Row("r3", "Publication record", RequirementKind.Preferred, MatchStatus.Partial, 0.5),
        ],
        Receipt = new MatchReceipt
        {
            EngineVersion = "matcher-engine/test", EmbeddingModel = "local/all-MiniLM-L6-v2",
            Weights = new Dictionary<string, double> { ["required"] = 1 }, Thresholds = new Dictionary<string, double> { ["met"] = 0.68 },
            CvSha256 = "abc", PostingSha256 = "def", CreatedAt = DateTimeOffset.UnixEpoch,
        },
    };

    [Fact]
    public void Shows_one_row_per_requirement_with_status_in_words_and_quoted_evidence()
    {
        var cut = Render<ReportView>(p => p.Add(x => x.Report, Report()));

        var texts = cut.FindAll("[data-testid=requirement-text]").Select(e => e.TextContent).ToList();
        Assert.Equal(["Experience with PyTorch", "Kubernetes in production", "Publication record"], texts);
        var statuses = cut.FindAll("[data-testid=requirements] [data-status]").Select(e => e.GetAttribute("data-status")).ToList();
        Assert.Equal(["met", "missing", "partial"], statuses);
        Assert.Contains("Partly met", cut.Markup);
        Assert.Contains("“Trained ranking models in PyTorch”", cut.Find("blockquote.evidence").TextContent);
        Assert.Contains("No matching line found in the CV.", cut.Markup);
        Assert.Equal("65", cut.Find("[data-testid=overall-score]").TextContent.Trim());
        Assert.Equal("1", cut.Find("[data-testid=required-missing]").TextContent);
    }

    [Fact]
    public void A_missing_row_with_quoted_lines_calls_them_closest_lines_and_never_says_nothing_speaks_to_it()
    {
        var report = Report() with
        {
            Requirements =
            [
                Row("r1", "Finite element simulation", RequirementKind.Required, MatchStatus.Missing, 0.2,
                    new Evidence("Built test rigs for gearboxes", "Experience", 0.35), new Evidence("Mechanical engineering BEng", "Education", 0.3))
                    with { Reason = "Not found: fea, research" },
                Row("r2", "Writes clear reports", RequirementKind.Required, MatchStatus.Missing, 0.1,
                    new Evidence("Wrote the lab handbook", "Experience", 0.33)) with { Reason = "Closest CV line is 0.35 similar" },
            ],
        };

        var cut = Render<ReportView>(p => p.Add(x => x.Report, report));

        Assert.Equal(2, cut.FindAll("[data-testid=closest-lines]").Count);
        Assert.DoesNotContain("Evidence from the CV", cut.Markup, StringComparison.Ordinal);
        var reasons = cut.FindAll("[data-testid=reason]").Select(e => e.TextContent).ToList();
        Assert.Equal("The CV does not name FEA (finite element analysis) or research", reasons[0]);
        Assert.Equal("No line clearly shows this; the closest lines are shown", reasons[1]);
        Assert.DoesNotMatch(@"\d\.\d", string.Join(" ", reasons));
        var advice = cut.Find("[data-testid=suggestions]").TextContent;
        Assert.DoesNotContain("Nothing in your CV speaks to this", advice, StringComparison.Ordinal);
        Assert.Contains("No line of your CV clearly shows this", advice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_matched_on_its_responsibilities_calls_its_rows_responsibilities()
    {
        var cut = Render<ReportView>(p => p.Add(x => x.Report, Report() with { MatchedResponsibilities = true }));

        Assert.Contains("Responsibility", cut.Find("[data-testid=requirements] thead").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Requirement", cut.Find("[data-testid=requirements] thead").TextContent, StringComparison.Ordinal);
        Assert.All(cut.FindAll("[data-testid=requirement-kind]"), chip => Assert.Equal("Responsibility", chip.TextContent.Trim()));
        var counts = cut.Find("[aria-label='Counts by status']").TextContent;
        Assert.Contains("Responsibilities", counts, StringComparison.Ordinal);
        Assert.DoesNotContain("Required", counts, StringComparison.Ordinal);
        Assert.DoesNotContain("Preferred", counts, StringComparison.Ordinal);
        Assert.DoesNotContain("Show only required", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Why_this_score_lists_each_signal_with_its_points_and_the_must_have_cap()
    {
        var report = Report() with
        {
            Score = 49,
            Signals =
            [
                new("focus", 0.8, 31.1, 24.9, "12 of the CV's 30 lines are about this position's work"),
                new("mustHaves", 0.5, 0, 0, "Not shown: Kubernetes in production"),
            ],
            CapNote = "Held at 49 because a must-have is not shown (Kubernetes in production)",
        };
        report = report with { Receipt = report.Receipt with { Model = new() { Name = "fit-model-test", Intercept = -1.6, Weights = new Dictionary<string, double>() } } };

        var cut = Render<ReportView>(p => p.Add(x => x.Report, report));

        var rows = cut.FindAll("[data-testid=signal]");
        Assert.Equal(["focus", "mustHaves"], rows.Select(r => r.GetAttribute("data-signal")));
        Assert.Contains("Focus of the CV", rows[0].TextContent);
        Assert.Contains("80%", rows[0].TextContent);
        Assert.Equal("+24.9", rows[0].QuerySelector("[data-testid=signal-points]")!.TextContent);
        Assert.Equal("not weighed", rows[1].QuerySelector("[data-testid=signal-points]")!.TextContent);
        Assert.Contains("Points every CV starts from in fit-model-test", cut.Find("[data-testid=signals]").TextContent);
        Assert.Contains("-1.6", cut.Find("[data-testid=signals]").TextContent);
        Assert.Contains("Held at 49", cut.Find("[data-testid=cap-note]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=signal-scale]"));
    }

    [Fact]
    public void Why_this_score_shows_where_the_models_scale_put_the_raw_fit()
    {
        var model = new Matcher.Core.Matching.Signals.FitModel
        {
            Name = "fit-model-test", Intercept = -1.6, Weights = new Dictionary<string, double>(),
            Calibration = [new(0, 0), new(40, 30), new(60, 70), new(100, 100)],
        };
        var report = Report() with
        {
            Score = 60,
            RawFit = 55,
            Signals = [new("focus", 0.8, 31.1, 24.9, "12 of the CV's 30 lines are about this position's work")],
            Receipt = Report().Receipt with { Model = model },
        };

        var cut = Render<ReportView>(p => p.Add(x => x.Report, report));

        var scale = cut.Find("[data-testid=signal-scale]").TextContent;
        Assert.Contains("Scale", scale);
        // Raw 55 sits three quarters of the way from 40 → 30 to 60 → 70.
        Assert.Contains("55 → 60", scale);
        Assert.DoesNotContain("before the must-have cap", scale);
    }

    [Fact]
    public void A_report_made_before_signals_shows_no_signal_panel()
    {
        var cut = Render<ReportView>(p => p.Add(x => x.Report, Report()));

        Assert.Empty(cut.FindAll("[data-testid=signals]"));
    }

    [Fact]
    public void Missing_only_filter_hides_met_and_partial_rows()
    {
        var cut = Render<ReportView>(p => p.Add(x => x.Report, Report()));

        cut.FindComponents<MudSwitch<bool>>()[0].Find("input").Change(true);

        var texts = cut.FindAll("[data-testid=requirement-text]").Select(e => e.TextContent).ToList();
        Assert.Equal(["Kubernetes in production"], texts);
    }

    [Fact]
    public void Required_only_filter_hides_preferred_rows()
    {
        var cut = Render<ReportView>(p => p.Add(x => x.Report, Report()));

        cut.FindComponents<MudSwitch<bool>>()[1].Find("input").Change(true);

        var texts = cut.FindAll("[data-testid=requirement-text]").Select(e => e.TextContent).ToList();
        Assert.DoesNotContain("Publication record", texts);
        Assert.Equal(2, texts.Count);
    }

    [Fact]
    public void What_to_improve_lists_every_gap_and_only_gaps()
    {
        var cut = Render<ReportView>(p => p.Add(x => x.Report, Report()));

        var items = cut.FindAll("[data-testid=suggestions] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("Kubernetes in production", items[0], StringComparison.Ordinal);
        Assert.StartsWith("Publication record", items[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_by_category_averages_the_requirement_scores()
    {
        var cut = Render<ReportView>(p => p.Add(x => x.Report, Report()));

        var skill = Assert.Single(cut.FindAll("[data-testid=category-fit]"));
        Assert.Contains("Skill — 50% (3)", skill.TextContent);
    }

    [Fact]
    public void An_override_needs_a_reason_before_it_is_passed_on()
    {
        (string Id, MatchStatus Status, string Reason)? received = null;
        var cut = Render<ReportView>(p => p
            .Add(x => x.Report, Report())
            .Add(x => x.OnOverride, ((string, MatchStatus, string) change) => received = change));

        cut.FindAll("button").First(b => b.GetAttribute("aria-label") == "Override the status of: Kubernetes in production").Click();
        cut.FindAll("button").First(b => b.TextContent.Contains("Save override")).Click();
        Assert.Null(received);
        Assert.Contains("Give a reason", cut.Markup);

        cut.Find("[data-testid=override-form] textarea").Input("Ran k8s clusters at a previous job, not on the CV");
        cut.FindAll("button").First(b => b.TextContent.Contains("Save override")).Click();

        Assert.Equal(("r2", MatchStatus.Missing, "Ran k8s clusters at a previous job, not on the CV"), received);
    }

    [Fact]
    public void An_overridden_row_shows_who_changed_it_and_what_the_engine_said()
    {
        var report = Report();
        var rows = report.Requirements.ToList();
        rows[1] = rows[1] with { Status = MatchStatus.Met, Override = new RequirementOverride(MatchStatus.Missing, 0.1, "Confirmed in interview", "advisor-7", DateTimeOffset.UnixEpoch) };

        var cut = Render<ReportView>(p => p.Add(x => x.Report, report with { Requirements = rows, OriginalScore = 52 }));

        var note = cut.Find("[data-testid=override-note]").TextContent;
        Assert.Contains("Changed by advisor-7", note);
        Assert.Contains("Confirmed in interview", note);
        Assert.Contains("engine said missing, 10%", note);
        Assert.Contains("the engine's score was 52", cut.Find("[data-testid=original-score]").TextContent);
    }

    [Fact]
    public void Responsibility_matching_is_announced()
    {
        var cut = Render<ReportView>(p => p.Add(x => x.Report, Report() with { MatchedResponsibilities = true }));
        Assert.Contains("matched against its responsibilities", cut.Markup);
    }

    [Fact]
    public void Quoted_evidence_links_to_the_cv_with_the_line_to_mark()
    {
        var cv = Guid.NewGuid();
        var report = Guid.NewGuid();

        var cut = Render<ReportView>(p => p.Add(x => x.Report, Report()).Add(x => x.CvId, cv).Add(x => x.ReportId, report));

        var link = cut.Find("[data-testid=evidence-link]");
        Assert.Equal($"/cvs/{cv}?quote=Trained%20ranking%20models%20in%20PyTorch&report={report}", link.GetAttribute("href"));
        Assert.Equal("“Trained ranking models in PyTorch”", link.TextContent);
    }

    [Fact]
    public void Without_a_saved_cv_evidence_is_quoted_without_a_link()
    {
        var cut = Render<ReportView>(p => p.Add(x => x.Report, Report()));

        Assert.Empty(cut.FindAll("[data-testid=evidence-link]"));
    }
}

using Bunit;
using Matcher.Core.Cvs;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;
using Matcher.Web.Components.Ranking;
using Matcher.Web.Services.Ranking;

namespace Matcher.Web.Tests.Ranking;

public sealed class RankingViewsTests : MudTestContext
{
    private static MatchReport Report(double score, int column, params (string Text, MatchStatus Status)[] requirements) => new()
    {
        Score = score, Verdict = "test", PositionIndex = column, PositionTitle = $"Position {column}",
        Summary = new MatchSummary(requirements.Count(r => r.Status == MatchStatus.Met), requirements.Count(r => r.Status == MatchStatus.Partial),
            requirements.Count(r => r.Status == MatchStatus.Missing), new KindCounts(0, 0, 0), new KindCounts(0, 0, 0)),
        Requirements = requirements.Select((r, i) => new RequirementResult
        {
            Id = $"r{i}", Text = r.Text, Kind = RequirementKind.Required, Category = RequirementCategory.Skill, Status = r.Status,
            Score = 0.5, Evidence = [], Reason = "",
        }).ToList(),
        Receipt = new MatchReceipt
        {
            EngineVersion = "test", EmbeddingModel = "none", Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
            CvSha256 = "", PostingSha256 = "", CreatedAt = DateTimeOffset.UnixEpoch,
        },
    };

    private static RankedApplicant Applicant(int number, string name, string? error, params MatchReport?[] reports) =>
        new(Guid.NewGuid(), number, $"{name.ToLowerInvariant().Replace(' ', '-')}.pdf", name,
            new ContactDetails { Name = name, Email = $"{name.Split(' ')[0].ToLowerInvariant()}@example.com" },
            true, error, [], 3, "Bachelor", reports, ApplicantDecision.None, null);

    /// <summary>Ana fits position 1 best, Ben fits both well, Cleo's CV could not be read.</summary>
    private static RankingJobView Job(bool blind) => new(
        Guid.NewGuid(),
        new Posting { Positions = [new Position { Title = "Data intern" }, new Position { Title = "Web intern" }] },
        "Summer internships", RankingJobStatus.Completed, 3, 3, blind, null,
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 3, [0, 1],
        [
            Applicant(1, "Ana Lopez", null, Report(55, 0, ("SQL", MatchStatus.Missing)), Report(90, 1)),
            Applicant(2, "Ben Okafor", null, Report(85, 0, ("Python", MatchStatus.Met)), Report(88, 1)),
            Applicant(3, "Cleo Marsh", "The PDF holds no text."),
        ]);

    [Fact]
    public void Only_the_owner_of_a_ranking_can_switch_blind_review_and_a_teammate_is_told_it_is_on()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var owner = Render<RankingHeader>(p => p.Add(h => h.Job, Job(blind: true)));
        Assert.Single(owner.FindAll("[data-testid=blind-switch]"));
        Assert.Empty(owner.FindAll("[data-testid=blind-chip]"));

        var teammate = Render<RankingHeader>(p => p.Add(h => h.Job, Job(blind: true) with { IsMine = false }));
        Assert.Empty(teammate.FindAll("[data-testid=blind-switch]"));
        Assert.Contains("Blind review, set by its owner", teammate.Find("[data-testid=blind-chip]").TextContent, StringComparison.Ordinal);

        var open = Render<RankingHeader>(p => p.Add(h => h.Job, Job(blind: false) with { IsMine = false }));
        Assert.Empty(open.FindAll("[data-testid=blind-switch]"));
        Assert.Empty(open.FindAll("[data-testid=blind-chip]"));
    }

    [Fact]
    public void Ranks_applicants_by_score_with_unreadable_cvs_last_and_their_reason()
    {
        var table = Render<RankingTable>(p => p.Add(t => t.Job, Job(blind: false)).Add(t => t.Column, 0));

        var names = table.FindAll("[data-testid=candidate-name]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["Ben Okafor", "Ana Lopez", "Cleo Marsh"], names);
        Assert.Equal(["85", "55", "–"], table.FindAll("[data-testid=score]").Select(e => e.TextContent.Trim()));
        Assert.Contains("The PDF holds no text.", table.Markup, StringComparison.Ordinal);
        Assert.Contains("SQL", table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Blind_review_shows_candidate_numbers_and_no_names_or_file_names()
    {
        var table = Render<RankingTable>(p => p.Add(t => t.Job, Job(blind: true)).Add(t => t.Blind, true));

        Assert.Equal(["Candidate 2", "Candidate 1", "Candidate 3"], table.FindAll("[data-testid=candidate-name]").Select(e => e.TextContent.Trim()));
        foreach (var hidden in new[] { "Ana", "Okafor", "Cleo", ".pdf" })
            Assert.DoesNotContain(hidden, table.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Blind_review_gives_the_reason_a_cv_could_not_be_read_without_its_file_name()
    {
        const string error = "\"john_smith_secret_cv.pdf\" is a damaged PDF that cannot be read. Export it again from the original document, or upload DOCX/TXT.";
        var applicant = new RankedApplicant(Guid.NewGuid(), 1, "john_smith_secret_cv.pdf", null, null, true, error, [], null, null, [], ApplicantDecision.None, null);
        var job = Job(blind: true) with { Applicants = [applicant] };

        var table = Render<RankingTable>(p => p.Add(t => t.Job, job).Add(t => t.Blind, true));
        var panel = Render<ApplicantPanel>(p => p.Add(a => a.Applicant, applicant).Add(a => a.Blind, true));
        var open = Render<RankingTable>(p => p.Add(t => t.Job, job with { Blind = false }));

        foreach (var markup in new[] { table.Markup, panel.Markup })
        {
            Assert.Contains("The file is a damaged PDF that cannot be read.", markup, StringComparison.Ordinal);
            Assert.DoesNotContain("smith", markup, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("john_smith_secret_cv.pdf", open.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_shows_every_score_as_a_number_marks_the_best_position_and_assigns_each_applicant_once()
    {
        var matrix = Render<RankingMatrix>(p => p.Add(m => m.Job, Job(blind: false)));

        var cells = matrix.FindAll("[data-testid=matrix-cell]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["55", "90 ★", "85", "88 ★"], cells);
        Assert.All(matrix.FindAll("[data-testid=matrix-cell]"), c => Assert.Contains("background-color", c.GetAttribute("style"), StringComparison.Ordinal));
        // Ben is best for both, but Ana on the web role and Ben on data gives the highest total (90 + 85).
        var assignment = matrix.FindAll("[data-testid=assignment] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Ben Okafor", assignment[0], StringComparison.Ordinal);
        Assert.Contains("Ana Lopez", assignment[1], StringComparison.Ordinal);
    }

    /// <summary>Ana sent her CV twice (once under her married name, same e-mail); Dev's two files hold the same text.</summary>
    private static RankingJobView JobWithDuplicates() => Job(blind: false) with
    {
        Applicants =
        [
            Applicant(1, "Ana Lopez", null, Report(90, 0), Report(88, 1)),
            Applicant(2, "Ana Lopez-Reyes", null, Report(89, 0), Report(87, 1)) is var again
                ? again with { Contact = again.Contact! with { Email = "ana@example.com" } } : null!,
            Applicant(3, "Ben Okafor", null, Report(40, 0), Report(35, 1)),
            Applicant(4, "Dev Patel", null, Report(30, 0), Report(30, 1)) with { TextSha256 = "same" },
            Applicant(5, "D. Patel", null, Report(30, 0), Report(30, 1)) with { TextSha256 = "same" },
        ],
    };

    [Fact]
    public void The_same_applicant_sent_twice_is_flagged_in_the_table_with_the_reason()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var table = Render<RankingTable>(p => p.Add(t => t.Job, JobWithDuplicates()));

        var flags = table.FindAll("tr").Where(r => r.QuerySelector("[data-testid=candidate-name]") is not null)
            .ToDictionary(r => r.QuerySelector("[data-testid=candidate-name]")!.TextContent.Trim(), r => r.QuerySelector("[data-testid=possible-duplicate]")?.TextContent.Trim());
        Assert.Equal("Possible duplicate of Ana Lopez-Reyes (same e-mail)", flags["Ana Lopez"]);
        Assert.Equal("Possible duplicate of Ana Lopez (same e-mail)", flags["Ana Lopez-Reyes"]);
        Assert.Equal("Possible duplicate of D. Patel (same CV text)", flags["Dev Patel"]);
        Assert.Null(flags["Ben Okafor"]);
    }

    [Fact]
    public void The_suggested_assignment_never_gives_one_person_two_positions()
    {
        var matrix = Render<RankingMatrix>(p => p.Add(m => m.Job, JobWithDuplicates()));

        var assigned = matrix.FindAll("[data-testid=assignment-row]").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();
        // Ana's two applications would fill both positions (90 + 87); as one person she takes the web role, where
        // her 88 with Ben's 40 on data beats her 90 with his 35.
        Assert.Equal(["Ben Okafor", "Ana Lopez"], assigned);
    }

    [Fact]
    public void An_assignment_that_gives_a_position_an_applicant_scoring_under_20_is_flagged()
    {
        var job = Job(blind: false) with
        {
            Applicants =
            [
                Applicant(1, "Ana Lopez", null, Report(70, 0), Report(12, 1)),
                Applicant(2, "Ben Okafor", null, Report(65, 0), Report(8, 1)),
            ],
        };

        var matrix = Render<RankingMatrix>(p => p.Add(m => m.Job, job));

        var rows = matrix.FindAll("[data-testid=assignment-row]");
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=weak-assignment]"));
        Assert.Contains("poor fit", rows[1].QuerySelector("[data-testid=weak-assignment]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_coordinator_reading_an_applicant_sees_gaps_not_advice_addressed_to_the_candidate()
    {
        var panel = Render<ApplicantPanel>(p => p.Add(a => a.Applicant, Job(blind: false).Applicants[0]).Add(a => a.Column, 0));

        Assert.Contains("Gaps to ask about", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("SQL", panel.Find("[data-testid=gaps]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("What to improve", panel.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("your CV", panel.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_matrix_shows_a_page_of_applicants_at_a_time()
    {
        var many = Enumerable.Range(1, 120).Select(n => Applicant(n, $"Person {n:D3}", null, Report(n % 100, 0), Report(50, 1))).ToList();
        var matrix = Render<RankingMatrix>(p => p.Add(m => m.Job, Job(blind: false) with { Applicants = many, Total = 120, Done = 120 }));

        Assert.Equal(50, matrix.FindAll("[data-testid=matrix-row]").Count);
        Assert.Contains("Person 001", matrix.FindAll("[data-testid=matrix-row]")[0].TextContent, StringComparison.Ordinal);

        var last = matrix.FindAll("[data-testid=matrix-pages] button").Single(b => b.TextContent.Trim() == "3");
        last.Click();

        var rows = matrix.FindAll("[data-testid=matrix-row]");
        Assert.Equal(20, rows.Count);
        Assert.Contains("Person 101", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("101–120 of 120", matrix.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Blind_matrix_hides_names()
    {
        var matrix = Render<RankingMatrix>(p => p.Add(m => m.Job, Job(blind: true)).Add(m => m.Blind, true));

        Assert.Contains("Candidate 1", matrix.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana Lopez", matrix.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben Okafor", matrix.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Applicant_report_in_blind_review_hides_the_name_and_email()
    {
        var report = Report(70, 0, ("SQL", MatchStatus.Met)) with { };
        report = report with
        {
            Requirements = [report.Requirements[0] with { Evidence = [new Evidence("Ana Lopez (ana@example.com) wrote SQL reports", "Experience", 0.8)] }],
        };
        var applicant = Applicant(1, "Ana Lopez", null, report);

        var panel = Render<ApplicantPanel>(p => p.Add(a => a.Applicant, applicant).Add(a => a.Blind, true));

        Assert.Contains("Candidate 1", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("wrote SQL reports", panel.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", panel.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("ana@example.com", panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_row_has_a_decision_control_that_records_the_choice_for_that_applicant()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var decided = new List<(RankedApplicant Applicant, ApplicantDecision Decision)>();
        var table = Render<RankingTable>(p => p.Add(t => t.Job, Job(blind: false)).Add(t => t.Column, 0)
            .Add(t => t.Decide, (Action<(RankedApplicant, ApplicantDecision)>)decided.Add));

        var controls = table.FindComponents<MudBlazor.MudSelect<ApplicantDecision>>()
            .Where(c => c.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string?)id == "row-decision").ToList();
        Assert.Equal(3, controls.Count);
        Assert.All(table.FindAll("tbody tr"), row => Assert.NotNull(row.QuerySelector("[data-testid=row-decision]")));
        table.InvokeAsync(() => controls[1].Instance.ValueChanged.InvokeAsync(ApplicantDecision.Shortlisted));

        var (applicant, decision) = Assert.Single(decided);
        Assert.Equal(("Ana Lopez", ApplicantDecision.Shortlisted), (applicant.Name, decision));

        var readOnly = Render<RankingTable>(p => p.Add(t => t.Job, Job(blind: false)));
        Assert.Empty(readOnly.FindAll("[data-testid=row-decision]"));
    }

    [Fact]
    public void Long_gaps_are_cut_to_two_lines_in_the_row_with_the_whole_text_kept_for_hovering()
    {
        var gaps = Enumerable.Range(1, 3).Select(i => ($"Requirement {i}: " + string.Concat(Enumerable.Repeat("a long description ", 4)), MatchStatus.Missing)).ToArray();
        var job = Job(blind: false) with { Applicants = [Applicant(1, "Ana Lopez", null, Report(40, 0, gaps))] };

        var table = Render<RankingTable>(p => p.Add(t => t.Job, job));

        var cell = table.Find("[data-testid=top-gaps]");
        Assert.Contains("clamp-2", cell.ClassList);
        Assert.Equal(cell.TextContent.Trim(), cell.GetAttribute("title"));
        Assert.Contains("Requirement 3", cell.GetAttribute("title"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_applicant_panel_steps_to_the_applicants_ranked_above_and_below_by_their_addresses()
    {
        var job = Job(blind: false);
        var ranked = RankingTable.Ranked(job, 0);
        Assert.Equal(["Ben Okafor", "Ana Lopez", "Cleo Marsh"], ranked.Select(a => a.Name));

        var panel = Render<ApplicantPanel>(p => p.Add(a => a.Applicant, ranked[0]).Add(a => a.Position, 1).Add(a => a.Count, 3)
            .Add(a => a.NextHref, $"/ranking/{job.Id}?applicant={ranked[1].Id}"));

        Assert.Equal("1 of 3", panel.Find("[data-testid=applicant-position]").TextContent.Trim());
        Assert.Equal($"/ranking/{job.Id}?applicant={ranked[1].Id}", panel.Find("[data-testid=next-applicant]").GetAttribute("href"));
        Assert.True(panel.Find("[data-testid=previous-applicant]").HasAttribute("disabled"));
    }
}

using Bunit;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Web.Components.Shared;
using MudBlazor;

namespace Matcher.Web.Tests.Components;

/// <summary>An override needs a reason; with one, the chosen status and the reason are handed on.</summary>
public class OverrideFormTests : MudTestContext
{
    private static readonly RequirementResult Missing = new()
    {
        Id = "r1", Text = "Kubernetes in production", Kind = RequirementKind.Required, Category = RequirementCategory.Skill,
        Status = MatchStatus.Missing, Score = 0.1, Evidence = [], Reason = "not found",
    };

    [Fact]
    public async Task Saving_without_a_reason_shows_why_and_hands_nothing_on()
    {
        var saved = new List<(MatchStatus, string)>();
        var cut = Render<OverrideForm>(p => p.Add(x => x.Requirement, Missing).Add(x => x.Saved, (v) => saved.Add(v)));

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<MatchStatus>>().Instance.ValueChanged.InvokeAsync(MatchStatus.Met));
        cut.FindAll("button").Single(b => b.TextContent.Contains("Save override", StringComparison.Ordinal)).Click();

        Assert.Empty(saved);
        Assert.Contains("Give a reason", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chosen_status_and_the_trimmed_reason_are_handed_on()
    {
        var saved = new List<(MatchStatus Status, string Reason)>();
        var cut = Render<OverrideForm>(p => p.Add(x => x.Requirement, Missing).Add(x => x.Saved, (v) => saved.Add(v)));

        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<MatchStatus>>().Instance.ValueChanged.InvokeAsync(MatchStatus.Met));
        cut.Find("textarea").Input("  Runs the team's clusters since 2023  ");
        cut.FindAll("button").Single(b => b.TextContent.Contains("Save override", StringComparison.Ordinal)).Click();

        var (status, reason) = Assert.Single(saved);
        Assert.Equal(MatchStatus.Met, status);
        Assert.Equal("Runs the team's clusters since 2023", reason);
    }
}

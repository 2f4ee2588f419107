using Matcher.Core.Cvs;
using Matcher.Core.Matching.Scoring;

namespace Matcher.Core.Tests.Matching;

public class ExperienceYearsTests
{
    private static readonly YearMonth Now = new(2026, 11);

    [Fact]
    public void Overlapping_roles_are_counted_once()
    {
        Role[] roles =
        [
            new() { Start = new(2018, 1), End = new(2020, 12) },
            new() { Start = new(2020, 1), End = new(2021, 12) },
        ];
        var (years, spans) = ExperienceYears.Union(roles, Now);
        Assert.Equal(4.0, years);
        Assert.Single(spans);
    }

    [Fact]
    public void A_current_role_runs_until_now_and_gaps_are_not_counted()
    {
        Role[] roles =
        [
            new() { Start = new(2015, 1), End = new(2015, 12) },
            new() { Start = new(2025, 12), IsCurrent = true },
        ];
        var (years, spans) = ExperienceYears.Union(roles, Now);
        Assert.Equal(2, spans.Count);
        Assert.Equal(2.0, years);
    }

    [Fact]
    public void Undated_roles_add_nothing()
    {
        Role[] roles = [new() { Title = "Volunteer" }];
        Assert.Equal(0, ExperienceYears.Union(roles, Now).Years);
    }
}

using Matcher.Core.Cvs;

namespace Matcher.Core.Tests.Cvs;

public class ExperienceSpansTests
{
    private static readonly YearMonth Now = new(2026, 11);

    [Fact]
    public void Overlapping_roles_merge_into_one_span()
    {
        Role[] roles =
        [
            new() { Start = new(2018, 1), End = new(2021, 1) },
            new() { Start = new(2020, 1), End = new(2022, 1) },
        ];

        var span = Assert.Single(ExperienceCalculator.Spans(roles, Now));

        Assert.Equal(new YearMonth(2018, 1), span.Start);
        Assert.Equal(new YearMonth(2022, 1), span.End);
        Assert.Equal(4.0, ExperienceCalculator.TotalYears(roles, Now));
    }

    [Fact]
    public void A_gap_keeps_spans_apart_and_a_current_role_runs_until_now()
    {
        Role[] roles =
        [
            new() { Start = new(2015, 1), End = new(2016, 1) },
            new() { Start = new(2025, 11), IsCurrent = true },
        ];

        var spans = ExperienceCalculator.Spans(roles, Now);

        Assert.Equal(2, spans.Count);
        Assert.Equal(Now, spans[1].End);
        Assert.Equal(2.0, ExperienceCalculator.Years(spans));
    }

    [Fact]
    public void Undated_roles_and_roles_without_an_end_add_nothing()
    {
        Role[] roles = [new() { Title = "Volunteer" }, new() { Start = new(2020, 1) }];

        Assert.Empty(ExperienceCalculator.Spans(roles, Now));
        Assert.Equal(0, ExperienceCalculator.TotalYears(roles, Now));
    }
}

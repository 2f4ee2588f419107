using Matcher.Core.Cvs;
using Matcher.Core.Matching.Signals;

namespace Matcher.Core.Tests.Matching.Signals;

public class SenioritySignalTests
{
    private static readonly YearMonth Now = new(2026, 12);

    private static CvDocument Cv(string headline, params Role[] roles) => new() { Text = headline + "\nExperience", Experience = roles };

    private static Role Job(string title, int from, int? to) => new()
    {
        Title = title,
        Start = new YearMonth(from, 1),
        End = to is { } end ? new YearMonth(end, 1) : null,
        IsCurrent = to is null,
    };

    [Theory]
    [InlineData("Shift Assistant", 0)]
    [InlineData("Warehouse Operative", 1)]
    [InlineData("Senior Nurse", 2)]
    [InlineData("Lead Carpenter", 2)]
    [InlineData("Store Manager", 3)]
    [InlineData("Director of Operations", 4)]
    [InlineData("Head of Logistics", 4)]
    public void A_title_names_its_level_in_the_words_titles_use_in_any_field(string title, int level) =>
        Assert.Equal(level, TitleLevel.Of(title));

    [Fact]
    public void A_director_applying_for_a_plain_post_reads_well_above_its_level()
    {
        var director = SignalExtractor.SenioritySignal("Counter Clerk", Cv("PLANT DIRECTOR", Job("Plant Director", 2015, null)), Now);
        var peer = SignalExtractor.SenioritySignal("Counter Clerk", Cv("COUNTER CLERK", Job("Counter Clerk", 2020, null)), Now);

        Assert.Equal(1, peer.Value);
        Assert.True(director.Value < 0.5, $"director {director.Value}");
        Assert.Contains("plant director", director.Explanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void One_level_above_the_post_is_no_gap()
    {
        var senior = SignalExtractor.SenioritySignal("Carpenter", Cv("SENIOR CARPENTER", Job("Senior Carpenter", 2018, null)), Now);

        Assert.Equal(1, senior.Value);
    }

    [Fact]
    public void A_senior_title_long_ago_does_not_count_against_the_present_one()
    {
        // Once a manager, now two posts on at the position's own level.
        var cv = Cv("Line Cook",
            Job("Kitchen Manager", 2008, 2012),
            Job("Line Cook", 2013, 2019),
            Job("Line Cook", 2019, null));
        var earlier = Cv("Line Cook", Job("Line Cook", 2013, 2019), Job("Kitchen Manager", 2019, null));

        Assert.Equal(1, SignalExtractor.SenioritySignal("Cook", cv, Now).Value);
        Assert.True(SignalExtractor.SenioritySignal("Cook", earlier, Now).Value < 1);
    }

    [Fact]
    public void A_senior_post_takes_senior_applicants_without_a_gap()
    {
        var manager = SignalExtractor.SenioritySignal("Operations Manager", Cv("DIRECTOR", Job("Regional Director", 2016, null)), Now);

        Assert.Equal(1, manager.Value);
    }
}

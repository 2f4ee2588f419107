using System.Text.Json;
using Matcher.Cli;
using static Matcher.Core.Tests.Postings.PostingFixtures;

namespace Matcher.Cli.Tests.Postings;

public sealed class PostingCliTests
{
    [Fact]
    public async Task Prints_the_parsed_posting_as_camel_case_json()
    {
        var (exit, output, _) = await CliRun.RunAsync("posting", "parse", PathOf(Seed002), "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("Machine Learning Engineer - Apple Media Products", root.GetProperty("title").GetString());
        Assert.Equal("2021-07-11", root.GetProperty("datePosted").GetString());
        Assert.Equal(114000, root.GetProperty("salary").GetProperty("min").GetDecimal());
        Assert.Equal("USD", root.GetProperty("salary").GetProperty("currency").GetString());
        var requirements = root.GetProperty("positions")[0].GetProperty("requirements");
        Assert.Equal(12, requirements.GetArrayLength());
        Assert.Equal("r5", requirements[4].GetProperty("id").GetString());
        Assert.Equal("preferred", requirements[4].GetProperty("kind").GetString());
        Assert.Equal("softSkill", requirements[8].GetProperty("category").GetString());
        Assert.Equal(3, requirements[0].GetProperty("minYears").GetDouble());
        Assert.Equal("master", requirements[10].GetProperty("degree").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task Prints_positions_of_a_brochure_with_their_details()
    {
        var (exit, output, _) = await CliRun.RunAsync("posting", "parse", PathOf(Seed001), "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var positions = json.RootElement.GetProperty("positions");
        Assert.Equal(11, positions.GetArrayLength());
        Assert.Equal("Robotics, Engineer / Researcher", positions[9].GetProperty("title").GetString());
        Assert.True(positions[9].GetProperty("details").TryGetProperty("Product area", out _));
        Assert.Contains("8-10 weeks", json.RootElement.GetProperty("details").GetProperty("Internship Period").GetString());
    }

    [Fact]
    public async Task Prints_a_short_summary_without_json()
    {
        var (exit, output, _) = await CliRun.RunAsync("posting", "parse", PathOf(Seed003));

        Assert.Equal(0, exit);
        Assert.Contains("Amazon", output, StringComparison.Ordinal);
        Assert.Contains("4 required and 1 preferred", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Says_for_each_line_of_the_posting_where_it_went_and_why()
    {
        var fixture = "shapes/boilerplate-among-requirements.txt";
        var (exit, output, _) = await CliRun.RunAsync("posting", "parse", PathOf(fixture), "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var lines = json.RootElement.GetProperty("lines").EnumerateArray()
            .Select(l => (Text: l.GetProperty("text").GetString()!, Went: l.GetProperty("went").GetString()!, Why: l.GetProperty("why").GetString()!))
            .ToList();
        Assert.Contains(lines, l => l is { Text: "Requirements", Went: "heading" } && l.Why == "opens requirements");
        Assert.Contains(lines, l => l.Text == "3+ years servicing industrial machinery" && l.Went == "requirement r1 (required)");
        Assert.Contains(lines, l => l.Text == "Brightline is an equal opportunity employer." && l.Went == "not scored: equal opportunity");
        Assert.Contains(lines, l => l.Text == "Install and service sorting robots at customer sites" && l.Went == "responsibility");
        Assert.Contains(lines, l => l.Text == "Denver, CO" && l.Went == "posting field: Location");
        Assert.All(lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Why)));

        // Every line of the text is accounted for.
        foreach (var line in File.ReadAllLines(PathOf(fixture)).Select(l => l.TrimStart('-', ' ')).Where(l => l.Length > 0))
            Assert.Contains(lines, l => l.Text.Contains(line, StringComparison.Ordinal));

        var schedule = Assert.Single(json.RootElement.GetProperty("notScored").EnumerateArray(),
            l => l.GetProperty("reason").GetString() == "condition: schedule");
        Assert.True(schedule.GetProperty("condition").GetBoolean());
        Assert.Equal("Requirements", schedule.GetProperty("heading").GetString());
    }

    [Theory]
    [InlineData("bad/empty.txt")]
    [InlineData("bad/binary.bin")]
    [InlineData("bad/not-a-posting.txt")]
    [InlineData("no-such-file.txt")]
    public async Task Exits_with_2_and_a_one_line_reason_for_unusable_input(string fixture)
    {
        var (exit, output, error) = await CliRun.RunAsync("posting", "parse", PathOf(fixture), "--json");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

}

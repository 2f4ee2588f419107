using System.Text.Json;
using Matcher.Cli;
using Matcher.Core.Tests.Cvs;

namespace Matcher.Cli.Tests.Cli;

public sealed class CvCommandTests
{
    [Fact]
    public async Task Cv_parse_json_prints_structure_with_month_dates_and_present()
    {
        var (code, stdout, stderr) = await CliRun.RunAsync("cv", "parse", CvFixtures.PathOf("cv-one-column.pdf"), "--json");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("Priya Raman", json.GetProperty("name").GetString());
        Assert.Equal("priya.raman@example.org", json.GetProperty("email").GetString());
        var roles = json.GetProperty("experience");
        Assert.Equal(2, roles.GetArrayLength());
        Assert.Equal("Senior Data Engineer", roles[0].GetProperty("title").GetString());
        Assert.Equal("2021-01", roles[0].GetProperty("start").GetString());
        Assert.Equal("present", roles[0].GetProperty("end").GetString());
        Assert.Equal("2020-12", roles[1].GetProperty("end").GetString());
        Assert.Equal("Master", json.GetProperty("education")[0].GetProperty("level").GetString());
        Assert.Equal(2018, json.GetProperty("education")[0].GetProperty("end").GetInt32());
        Assert.Equal(6, json.GetProperty("skills").GetArrayLength());
        Assert.True(json.GetProperty("totalYearsExperience").GetDouble() >= 6.5);
        Assert.Equal(0, json.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Cv_parse_json_keeps_accented_names_readable()
    {
        var (code, stdout, _) = await CliRun.RunAsync("cv", "parse", CvFixtures.PathOf("cv-german.txt"), "--json");

        Assert.Equal(0, code);
        Assert.Contains("\"name\": \"Jana Müller\"", stdout);
    }

    [Theory]
    [InlineData("cv-scanned-no-text.pdf", "has no text layer")]
    [InlineData("cv-password-protected.pdf", "password-protected")]
    [InlineData("cv-too-little-text.txt", "almost no readable text")]
    public async Task Cv_parse_exits_2_with_one_line_reason_on_bad_input(string fixture, string reason)
    {
        var (code, stdout, stderr) = await CliRun.RunAsync("cv", "parse", CvFixtures.PathOf(fixture), "--json");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(reason, line);
    }

    [Fact]
    public async Task Cv_parse_exits_2_when_file_is_missing()
    {
        var (code, _, stderr) = await CliRun.RunAsync("cv", "parse", CvFixtures.PathOf("no-such-cv.pdf"));

        Assert.Equal(2, code);
        Assert.Contains("file not found", stderr);
    }

}

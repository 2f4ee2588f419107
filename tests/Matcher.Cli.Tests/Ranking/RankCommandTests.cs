using System.Text.Json;
using Matcher.Cli;
using MiniExcelLibs;

namespace Matcher.Cli.Tests.Ranking;

/// <summary><c>matcher rank</c> end to end: real readers, the real engine and local model, real files.</summary>
[Collection(CliCollection.Name)]
public sealed class RankCommandTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");
    private static readonly string Posting = Path.Combine(Fixtures, "e2e", "amazon-prime-video-mle.txt");
    private readonly string _applicants = Directory.CreateTempSubdirectory("matcher-rank-").FullName;

    public RankCommandTests()
    {
        // Two strong fits, a chef and an ICU nurse, plus one file that is not a CV at all.
        foreach (var cv in new[] { "aisha-bello.md", "wei-zhang.md", "pedro-alvarez.md", "samantha-reed.md" })
            File.Copy(Path.Combine(Fixtures, "eval", "cvs", cv), Path.Combine(_applicants, cv));
        File.WriteAllBytes(Path.Combine(_applicants, "scan.pdf"), [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x00, 0x01, 0x02]);
    }


    [Fact]
    public async Task Json_ranks_the_fitting_engineers_above_the_chef_and_the_nurse_and_reports_the_unreadable_file()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("rank", "--posting", Posting, "--cvs", _applicants, "--format", "json");

        Assert.True(exit == 0, stderr);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        var ranked = rows.Where(r => r.GetProperty("rank").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.GetProperty("rank").GetInt32()));
        var scores = ranked.Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        Assert.Equal(["aisha-bello.md", "wei-zhang.md"], ranked.Take(2).Select(r => r.GetProperty("file").GetString()!).Order());
        var broken = rows.Single(r => r.GetProperty("file").GetString() == "scan.pdf");
        Assert.False(string.IsNullOrWhiteSpace(broken.GetProperty("error").GetString()));
        Assert.Contains("[5/5]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blind_csv_shows_candidate_numbers_and_no_names_or_file_names()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("rank", "--posting", Posting, "--cvs", _applicants, "--format", "csv", "--blind");

        Assert.True(exit == 0, stderr);
        var lines = stdout.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("rank,candidate,score,met,partial,missing,topGaps,error", lines[0], StringComparison.Ordinal);
        Assert.Equal(6, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Matches(@"Candidate \d", l));
        Assert.DoesNotContain("Aisha", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(".md", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_is_written_to_the_out_file_and_refused_without_one()
    {
        var target = Path.Combine(_applicants, "ranking.xlsx");

        var (exit, _, stderr) = await CliRun.RunAsync("rank", "--posting", Posting, "--cvs", _applicants, "--format", "xlsx", "--out", target);

        Assert.True(exit == 0, stderr);
        var rows = MiniExcel.Query(target, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal(1.0, Convert.ToDouble(rows[0]["rank"], System.Globalization.CultureInfo.InvariantCulture));

        var (refused, _, reason) = await CliRun.RunAsync("rank", "--posting", Posting, "--cvs", _applicants, "--format", "xlsx");
        Assert.Equal(2, refused);
        Assert.Contains("--out", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_positions_give_the_applicants_by_positions_matrix_with_a_best_position()
    {
        var brochure = Path.Combine(Fixtures, "postings", "seeds", "001_0ca12d176819fc95.txt");
        var two = Directory.CreateTempSubdirectory("matcher-rank-two-").FullName;
        File.Copy(Path.Combine(_applicants, "aisha-bello.md"), Path.Combine(two, "aisha-bello.md"));
        File.Copy(Path.Combine(_applicants, "pedro-alvarez.md"), Path.Combine(two, "pedro-alvarez.md"));

        var (exit, stdout, stderr) = await CliRun.RunAsync("rank", "--posting", brochure, "--position", "all", "--cvs", two, "--format", "json");

        Assert.True(exit == 0, stderr);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        var columns = rows[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(11, columns.Count(c => char.IsDigit(c[0])));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("bestPosition").GetString())));
        Directory.Delete(two, recursive: true);
    }

    [Fact]
    public async Task A_position_that_does_not_exist_is_bad_input()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("rank", "--posting", Posting, "--position", "7", "--cvs", _applicants);

        Assert.Equal(2, exit);
        Assert.Contains("--position must be 'all' or a number from 1 to 1", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try { Directory.Delete(_applicants, recursive: true); } catch (IOException) { }
    }
}

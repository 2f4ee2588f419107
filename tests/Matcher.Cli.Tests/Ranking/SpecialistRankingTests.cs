using System.Globalization;
using System.Text.Json;

namespace Matcher.Cli.Tests.Ranking;

/// <summary>
/// The internship brochure lists only responsibilities for its eleven positions. A coordinator ranking a round expects
/// the obvious specialist for each position to come first there, and each specialist's own position to be their best
/// suggestion; generalists and applicants from other fields must not outscore them anywhere.
/// Applicants are the invented people in <c>fixtures/specialists/cvs</c>: <c>NN-*.md</c> is the specialist for position NN.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class SpecialistRankingTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");
    private static readonly string Brochure = Path.Combine(Fixtures, "postings", "seeds", "001_0ca12d176819fc95.txt");
    private static readonly string Applicants = Path.Combine(Fixtures, "specialists", "cvs");

    /// <summary>How far below a position's specialist an applicant from another field must stay on that position.</summary>
    private const double OffFieldMargin = 20;

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("matcher-specialists-").FullName;
    private readonly string? _previousDataFolder = Environment.GetEnvironmentVariable("Matcher__DataFolder");

    public SpecialistRankingTests() => Environment.SetEnvironmentVariable("Matcher__DataFolder", _dataFolder);

    [Fact]
    public async Task Each_specialist_ranks_first_on_their_own_position_and_their_own_position_is_their_best()
    {
        var matrix = await RankAllPositionsAsync();
        Assert.Equal(11, matrix.Positions.Count);
        Assert.Equal(15, matrix.Scores.Count);

        var failures = new List<string>();
        for (var position = 0; position < matrix.Positions.Count; position++)
        {
            var specialist = SpecialistFor(position + 1, matrix);
            var own = matrix.Scores[specialist][position];
            var top = matrix.Scores.MaxBy(row => row.Value[position]);
            if (top.Key != specialist)
                failures.Add(Say($"position {position + 1}: {top.Key} scores {top.Value[position]:0.0}, above the specialist {specialist} at {own:0.0}"));
            var best = matrix.Scores[specialist].Select((score, index) => (score, index)).MaxBy(p => p.score);
            if (best.index != position)
                failures.Add(Say($"{specialist}: best position is {best.index + 1} at {best.score:0.0}, not their own {position + 1} at {own:0.0}"));
            if (matrix.BestPosition[specialist] != matrix.Positions[position])
                failures.Add($"{specialist}: the suggested best position is \"{matrix.BestPosition[specialist]}\"");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Applicants_from_other_fields_stay_well_below_the_specialist_on_every_position()
    {
        var matrix = await RankAllPositionsAsync();
        var others = matrix.Scores.Keys.Where(file => file.StartsWith("off-field-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, others.Count);

        var failures = new List<string>();
        for (var position = 0; position < matrix.Positions.Count; position++)
        {
            var specialist = matrix.Scores[SpecialistFor(position + 1, matrix)][position];
            foreach (var other in others.Where(o => matrix.Scores[o][position] > specialist - OffFieldMargin))
                failures.Add(Say($"position {position + 1}: {other} scores {matrix.Scores[other][position]:0.0} against the specialist's {specialist:0.0}"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string SpecialistFor(int position, Matrix matrix) =>
        matrix.Scores.Keys.Single(file => file.StartsWith(position.ToString("00", CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal));

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Both facts read the same matrix; ranking fifteen CVs against eleven positions once is enough.
    private static readonly Lazy<Task<Matrix>> Ranked = new(RankOnceAsync);

    private static Task<Matrix> RankAllPositionsAsync() => Ranked.Value;

    private static async Task<Matrix> RankOnceAsync()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("rank", "--posting", Brochure, "--position", "all", "--cvs", Applicants, "--format", "json");
        Assert.True(exit == 0, stderr);

        using var json = JsonDocument.Parse(stdout);
        var rows = json.RootElement.EnumerateArray().ToList();
        // Position columns are named "N. Title"; their order in the row is the brochure's order.
        var positions = rows[0].EnumerateObject().Select(p => p.Name).Where(name => char.IsDigit(name[0])).ToList();
        var scores = rows.ToDictionary(
            r => r.GetProperty("file").GetString()!,
            r => positions.Select(p => r.GetProperty(p).GetDouble()).ToArray());
        var best = rows.ToDictionary(r => r.GetProperty("file").GetString()!, r => r.GetProperty("bestPosition").GetString()!);
        var titles = positions.Select(p => p[(p.IndexOf(". ", StringComparison.Ordinal) + 2)..]).ToList();
        return new Matrix(titles, scores, best);
    }

    private sealed record Matrix(IReadOnlyList<string> Positions, IReadOnlyDictionary<string, double[]> Scores, IReadOnlyDictionary<string, string> BestPosition);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Matcher__DataFolder", _previousDataFolder);
        try { Directory.Delete(_dataFolder, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file on some platforms; the temp folder is cleaned by the OS. */ }
    }
}

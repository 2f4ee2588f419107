using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Matcher.Cli;
using Matcher.Core.Cvs;
using Matcher.Core.Cvs.Reading;
using Matcher.Core.Evaluation;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Tests.Evaluation;

/// <summary>
/// The dev pool: real job-board postings and real CVs, labelled by careful readers. It holds personal data and lives
/// outside the repository (<c>../shared/devpool</c>); on a clone without it the tests say so and skip. Its embeddings are
/// cached in one data folder for all the tests here, so the pool is embedded once.
/// </summary>
public sealed class DevPoolFixture : IDisposable
{
    private readonly string? _previousDataFolder = Environment.GetEnvironmentVariable("Matcher__DataFolder");

    public string DataFolder { get; } = Directory.CreateTempSubdirectory("matcher-devpool-").FullName;

    /// <summary>The repository root's sibling <c>shared/devpool/labels.csv</c>, found by walking up from the test binaries.</summary>
    public string? Labels { get; } = FindLabels();

    public const string Absent = "The dev pool (../shared/devpool/labels.csv beside the repository) is not on this machine; its postings and CVs are personal data kept outside the repository.";

    /// <summary>Points the CLI's embedding cache at this fixture's folder for the duration of <paramref name="work"/>.</summary>
    public async Task<T> WithDataFolderAsync<T>(Func<Task<T>> work)
    {
        Environment.SetEnvironmentVariable("Matcher__DataFolder", DataFolder);
        try { return await work(); }
        finally { Environment.SetEnvironmentVariable("Matcher__DataFolder", _previousDataFolder); }
    }

    private static string? FindLabels()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Matcher.sln")))
                continue;
            var labels = Path.Combine(folder.FullName, "..", "shared", "devpool", "labels.csv");
            return File.Exists(labels) ? Path.GetFullPath(labels) : null;
        }
        return null;
    }

    public void Dispose()
    {
        try { Directory.Delete(DataFolder, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file on some platforms; the temp folder is cleaned by the OS. */ }
    }
}

[Collection(CliCollection.Name)]
public sealed partial class DevPoolQualityTests(DevPoolFixture pool) : IClassFixture<DevPoolFixture>
{
    /// <summary>
    /// Held out, the engine orders the pool at a mean Spearman of 0.74 against TF-IDF's 0.60 and MiniLM best-line's 0.46
    /// (2026-12-08, with the degree reading and credentials earned after hire no longer read as must-haves). It must stay clearly ahead of the better baseline, and above where the previous model stood (0.67).
    /// </summary>
    private const double Lead = 0.10;
    private const double Floor = 0.67;

    [Fact]
    public async Task Held_out_the_engine_orders_real_applicants_clearly_better_than_the_best_baseline()
    {
        Assert.SkipWhen(pool.Labels is null, DevPoolFixture.Absent);

        var (exit, stdout, stderr) = await pool.WithDataFolderAsync(async () =>
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await CliApp.RunAsync(["eval", "--labels", pool.Labels!, "--compare", "--folds", "2", "--json"], output, error, TestContext.Current.CancellationToken);
            return (code, output.ToString(), error.ToString());
        });
        Assert.True(exit == 0, stderr);

        using var json = JsonDocument.Parse(stdout);
        var means = json.RootElement.EnumerateArray().ToDictionary(
            r => r.GetProperty("scorer").GetString()!,
            r => (Spearman: r.GetProperty("mean").GetProperty("spearman").GetDouble(), Ndcg: r.GetProperty("mean").GetProperty("ndcg10").GetDouble()));
        var heldOut = means["engine, 2-fold held out"];
        var best = Math.Max(means["tfidf"].Spearman, means["embedding"].Spearman);
        var figures = string.Join("; ", means.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} Spearman {m.Value.Spearman:0.000}, nDCG@10 {m.Value.Ndcg:0.000}")));
        TestContext.Current.TestOutputHelper?.WriteLine("dev pool: " + figures);

        Assert.True(heldOut.Spearman >= best + Lead, $"held-out engine should lead the better baseline by {Lead}: {figures}");
        Assert.True(heldOut.Spearman >= Floor, $"held-out engine fell below {Floor}: {figures}");
    }

    /// <summary>
    /// Held out, the scaled score must rise band by band with the readers' labels, put the strong fits clearly above the
    /// good ones and span the labels widely; the raw fit alone (30.6 / 39.1 / 44.8 / 58.0, 2026-12-07) did neither.
    /// Labels 1 and 2 are still closer than 15 points apart (2026-12-08), which a scale cannot mend.
    /// </summary>
    [Fact]
    public async Task Held_out_the_mean_score_rises_band_by_band_with_the_readers_labels()
    {
        Assert.SkipWhen(pool.Labels is null, DevPoolFixture.Absent);

        var (exit, stdout, stderr) = await pool.WithDataFolderAsync(async () =>
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await CliApp.RunAsync(["eval", "--labels", pool.Labels!, "--folds", "2"], output, error, TestContext.Current.CancellationToken);
            return (code, output.ToString(), error.ToString());
        });
        Assert.True(exit == 0, stderr);

        var line = stdout.Split('\n').Single(l => l.StartsWith("engine, 2-fold held out: mean score by label", StringComparison.Ordinal));
        var bands = BandMean().Matches(line).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        TestContext.Current.TestOutputHelper?.WriteLine("dev pool, held out: " + line);

        Assert.Equal([0, 1, 2, 3], bands.Keys.Order());
        Assert.True(bands[0] < bands[1] && bands[1] < bands[2] && bands[2] < bands[3], line);
        Assert.True(bands[3] - bands[2] >= 15, $"the strong fits should stand 15 points above the good ones: {line}");
        Assert.True(bands[3] - bands[0] >= 30, $"labels 0 to 3 should span at least 30 points: {line}");
    }

    [GeneratedRegex(@"(\d): (\d+(?:\.\d+)?)")]
    private static partial Regex BandMean();

    [Fact]
    public async Task Every_quote_in_every_dev_pool_report_is_a_passage_of_the_cvs_text_at_its_offsets_and_no_heading_is_a_name()
    {
        Assert.SkipWhen(pool.Labels is null, DevPoolFixture.Absent);
        var ct = TestContext.Current.CancellationToken;
        var set = await new LabelSetLoader().LoadAsync(pool.Labels!, cancellationToken: ct);

        var (quotes, faults) = await pool.WithDataFolderAsync(async () =>
        {
            await using var services = CliServices.Build();
            var reader = services.GetRequiredService<CvReader>();
            var postings = set.PostingTexts.ToDictionary(p => p.Key, p => services.GetRequiredService<PostingReader>().ReadText(p.Value));
            var engine = services.GetRequiredService<IMatchEngine>();
            var found = new List<string>();
            var count = 0;
            await engine.PrepareAsync(set.CvTexts.Values.Select(reader.ReadText).ToList(), ct);
            foreach (var group in set.Pairs.GroupBy(p => p.Cv))
            {
                var cv = reader.ReadText(set.CvTexts[group.Key]);
                if (cv.Contact.Name is { } name && CvSectionDetector.Match(new CvLine(name, false)) is not null)
                    found.Add($"{group.Key}: the heading “{name}” was read as the name");
                var flat = Flat(cv.Text);
                foreach (var pair in group)
                {
                    var report = await engine.MatchAsync(cv, postings[pair.Posting], pair.Position, ct);
                    foreach (var evidence in report.Requirements.SelectMany(r => r.Evidence))
                    {
                        count++;
                        if (evidence.Start is not { } start || evidence.Length is not { } length || start + length > cv.Text.Length)
                            found.Add($"{group.Key} / {pair.Posting}: “{evidence.Text}” has no offsets in the text");
                        else if (Flat(cv.Text.Substring(start, length)) != evidence.Text || !flat.Contains(evidence.Text, StringComparison.Ordinal))
                            found.Add($"{group.Key} / {pair.Posting}: “{evidence.Text}” is not the text at {start}+{length}");
                    }
                }
            }
            return (count, found);
        });

        Assert.True(quotes > 1000, $"only {quotes} quotes over {set.Pairs.Count} pairs");
        Assert.True(faults.Count == 0, $"{faults.Count} of {quotes} quotes or names are wrong, e.g.:\n" + string.Join("\n", faults.Take(8)));
    }

    private static string Flat(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

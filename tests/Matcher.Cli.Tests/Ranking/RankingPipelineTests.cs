using System.Text;
using Matcher.Cli;
using Matcher.Core.Cvs;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Tests.Ranking;

/// <summary>
/// The ranking pipeline reads CVs on every core while earlier ones are embedded in batches and scored. It must give
/// exactly what scoring applicants one at a time gives, keep memory flat by holding readers back, and stop when cancelled.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class RankingPipelineTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");

    [Fact]
    public async Task The_pipeline_gives_the_same_scores_and_order_as_scoring_one_applicant_at_a_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var files = Directory.GetFiles(Path.Combine(Fixtures, "specialists", "cvs"))
            .Select(f => new ApplicantFile(Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        var brochure = File.ReadAllBytes(Path.Combine(Fixtures, "postings", "seeds", "001_0ca12d176819fc95.txt"));

        // Each path starts from an empty embedding cache of its own, so neither reads the other's vectors.
        var oneAtATime = await WithServicesAsync(async services =>
        {
            var posting = services.GetRequiredService<PostingReader>().Read(brochure, "brochure.txt");
            var ranker = services.GetRequiredService<Ranker>();
            var results = new List<ApplicantResult>();
            var ordered = files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            for (var i = 0; i < ordered.Count; i++)
                results.Add(await ranker.ScoreAsync(i + 1, ordered[i], posting, [0, 8], ct));
            return results;
        });
        var pipelined = await WithServicesAsync(async services =>
        {
            var posting = services.GetRequiredService<PostingReader>().Read(brochure, "brochure.txt");
            var ranker = new Ranker(services.GetRequiredService<CvReader>(), services.GetRequiredService<IMatchEngine>(), new RankingPipelineOptions(Readers: 2, BatchSize: 4, Capacity: 3));
            return (await ranker.RankAsync(posting, [0, 8], files, cancellationToken: ct)).Applicants.ToList();
        });

        Assert.Equal(oneAtATime.Select(a => (a.Number, a.File)), pipelined.Select(a => (a.Number, a.File)));
        for (var i = 0; i < oneAtATime.Count; i++)
            for (var column = 0; column < 2; column++)
                Assert.True(Math.Abs(oneAtATime[i].Reports[column]!.Score - pipelined[i].Reports[column]!.Score) <= 0.1,
                    $"{oneAtATime[i].File}, column {column}: {oneAtATime[i].Reports[column]!.Score} one at a time, {pipelined[i].Reports[column]!.Score} in the pipeline");
    }

    [Fact]
    public async Task Slow_scoring_holds_the_readers_back_so_only_a_few_parsed_cvs_wait()
    {
        var files = Enumerable.Range(1, 60).Select(TextCv).ToList();
        var posting = Posting();

        var bounded = new RankingStages();
        var result = await new Ranker(new CvReader(), new SlowEngine(), new RankingPipelineOptions(Readers: 2, BatchSize: 2, Capacity: 4))
            .RankAsync(posting, [0], files, cancellationToken: TestContext.Current.CancellationToken, stages: bounded);
        var roomy = new RankingStages();
        await new Ranker(new CvReader(), new SlowEngine(), new RankingPipelineOptions(Readers: 2, BatchSize: 2, Capacity: 100))
            .RankAsync(posting, [0], files, cancellationToken: TestContext.Current.CancellationToken, stages: roomy);

        Assert.Equal(Enumerable.Range(1, 60), result.Applicants.Select(a => a.Number));
        Assert.All(result.Applicants, a => Assert.Equal($"applicant{a.Number}@example.com".Length, a.Reports.Single()!.Score));
        // Capacity waiting in the channel, plus one CV in each reader's hands, plus the one the scorer has just
        // taken but not yet counted off (a reader can fill its slot in between).
        Assert.InRange(bounded.MostWaiting, 1, 4 + 2 + 1);
        // With room to spare the readers run far ahead of the slow scorer: the bound above is the channel's doing.
        Assert.True(roomy.MostWaiting > 20, $"{roomy.MostWaiting} CVs waited at most with a roomy channel");
    }

    [Fact]
    public async Task A_batch_from_the_queue_comes_back_in_its_order_with_unreadable_files_reported()
    {
        var batch = new List<(int, ApplicantFile)>
        {
            (7, TextCv(7)),
            (8, new ApplicantFile("scan.pdf", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x00])),
            (9, TextCv(9)),
        };

        var results = await new Ranker(new CvReader(), new SlowEngine()).ScoreManyAsync(batch, Posting(), [0], TestContext.Current.CancellationToken);

        Assert.Equal([7, 8, 9], results.Select(r => r.Number));
        Assert.Equal("applicant7@example.com".Length, results[0].Reports.Single()!.Score);
        Assert.Empty(results[1].Reports);
        Assert.False(string.IsNullOrWhiteSpace(results[1].Error));
        Assert.Equal("applicant9@example.com".Length, results[2].Reports.Single()!.Score);
    }

    [Fact]
    public async Task Cancelling_stops_the_ranking_and_its_readers()
    {
        using var cancel = new CancellationTokenSource();
        var engine = new SlowEngine { AfterMatches = (3, cancel) };
        var stages = new RankingStages();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Ranker(new CvReader(), engine, new RankingPipelineOptions(Readers: 2, BatchSize: 2, Capacity: 4))
            .RankAsync(Posting(), [0], Enumerable.Range(1, 200).Select(TextCv).ToList(), cancellationToken: cancel.Token, stages: stages));

        Assert.InRange(engine.Matches, 3, 4);
    }

    private static ApplicantFile TextCv(int n) => new($"applicant-{n:000}.txt", Encoding.UTF8.GetBytes(
        $"Applicant {n}\napplicant{n}@example.com\n\nExperience\nBarista, Corner Cafe, 2019 - 2023\n- Made coffee for {n * 10} customers a day\n\nSkills\nCustomer service, espresso\n"));

    private static Posting Posting() => new()
    {
        Title = "Barista",
        Positions = [new Position { Title = "Barista", Responsibilities = ["Make coffee"] }],
    };

    private static async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        var folder = Directory.CreateTempSubdirectory("matcher-pipeline-").FullName;
        var previous = Environment.GetEnvironmentVariable("Matcher__DataFolder");
        Environment.SetEnvironmentVariable("Matcher__DataFolder", folder);
        try
        {
            await using var services = CliServices.Build();
            return await run(services);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Matcher__DataFolder", previous);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the OS cleans its temp folder */ }
        }
    }

    /// <summary>Scores a CV by the length of its e-mail address, slowly, as a scorer busy with a long CV would.</summary>
    private sealed class SlowEngine : IMatchEngine
    {
        private int _matches;

        public int Matches => Volatile.Read(ref _matches);

        public (int Count, CancellationTokenSource Source)? AfterMatches { get; init; }

        public async Task<MatchReport> MatchAsync(CvDocument cv, Posting posting, int positionIndex, CancellationToken cancellationToken = default)
        {
            await Task.Delay(5, cancellationToken);
            if (Interlocked.Increment(ref _matches) == AfterMatches?.Count)
                await AfterMatches.Value.Source.CancelAsync();
            return new MatchReport
            {
                Score = cv.Contact.Email?.Length ?? 0, Verdict = "test", PositionIndex = positionIndex, PositionTitle = posting.Positions[positionIndex].Title,
                Summary = new MatchSummary(0, 0, 0, new KindCounts(0, 0, 0), new KindCounts(0, 0, 0)), Requirements = [],
                Receipt = new MatchReceipt
                {
                    EngineVersion = "test", EmbeddingModel = "none", Weights = new Dictionary<string, double>(), Thresholds = new Dictionary<string, double>(),
                    CvSha256 = "", PostingSha256 = "", CreatedAt = DateTimeOffset.UnixEpoch,
                },
            };
        }
    }
}

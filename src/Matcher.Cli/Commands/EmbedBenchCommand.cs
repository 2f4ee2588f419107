using System.CommandLine;
using System.Diagnostics;
using Matcher.Core.Embeddings;
using Matcher.Data;
using Matcher.Data.Embeddings;
using Matcher.Embeddings.Onnx;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Matcher.Cli.Commands;

/// <summary>
/// <c>matcher bench embed</c>: lines per second of the engine's local generator against a bare
/// OnnxRuntime loop on the same lines and batch size (goal: engine within 1.25× of bare), and the
/// time to re-embed the same lines through the SQLite-backed cache.
/// </summary>
internal static class EmbedBenchCommand
{
    public const double Goal = 1.25;

    public static Command Create()
    {
        var lines = new Option<int>("--lines") { Description = "Number of lines to embed (fixture lines first, then generated ones).", DefaultValueFactory = _ => 1000 };
        var batch = new Option<int>("--batch") { Description = "Windows per OnnxRuntime call.", DefaultValueFactory = _ => 32 };
        var model = new Option<string>("--model") { Description = "Local model id.", DefaultValueFactory = _ => LocalModels.MiniLmL6V2.Id };
        var threads = new Option<int>("--threads") { Description = "Intra-op threads (0 = all cores).", DefaultValueFactory = _ => 0 };
        var rounds = new Option<int>("--rounds") { Description = "Timed rounds per contender; the best is kept.", DefaultValueFactory = _ => 2 };
        var json = new Option<bool>("--json") { Description = "Write the figures as JSON." };

        var command = new Command("embed", "Embedding throughput: engine vs bare OnnxRuntime, and cached re-embedding.");
        foreach (var option in new Option[] { lines, batch, model, threads, rounds, json })
            command.Options.Add(option);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (output, token) =>
        {
            var descriptor = LocalModels.Find(parse.GetValue(model))
                ?? throw new Core.Documents.InputException(
                    $"Unknown model '{parse.GetValue(model)}'. Known: {string.Join(", ", LocalModels.All.Select(m => m.Id))}.");
            var count = parse.GetValue(lines);
            var batchSize = parse.GetValue(batch);
            if (count < 1 || batchSize < 1 || parse.GetValue(rounds) < 1)
                throw new Core.Documents.InputException("--lines, --batch and --rounds must be at least 1.");

            var (inputs, source) = BenchLines.Load(count);
            var result = await RunAsync(descriptor, inputs, source, batchSize, parse.GetValue(threads), parse.GetValue(rounds), token);
            if (parse.GetValue(json))
                await CommandRunner.WriteJsonAsync(output, result);
            else
                await WriteTextAsync(output, result);
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private static async Task<EmbedBenchResult> RunAsync(
        LocalModelDescriptor model, string[] lines, string source, int batchSize, int threads, int rounds, CancellationToken cancellationToken)
    {
        using var engine = new OnnxSentenceEmbeddingGenerator(model, new OnnxEmbeddingSettings(batchSize, threads));
        using var bare = new BareOnnxLoop(model, batchSize, threads);
        var warmUp = lines.Take(batchSize).ToArray();
        await engine.GenerateAsync(warmUp, cancellationToken: cancellationToken);
        bare.Embed(warmUp, cancellationToken);

        // The machine may be shared: interleave the contenders and keep each one's best round.
        var sorted = lines.OrderBy(l => l.Length).ToArray();
        TimeSpan bareTime = TimeSpan.MaxValue, bareSortedTime = TimeSpan.MaxValue, engineTime = TimeSpan.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            bareTime = Min(bareTime, Time(() => bare.Embed(lines, cancellationToken)));
            bareSortedTime = Min(bareSortedTime, Time(() => bare.Embed(sorted, cancellationToken)));
            engineTime = Min(engineTime, await TimeAsync(() => engine.GenerateAsync(lines, cancellationToken: cancellationToken)));
        }

        var folder = Directory.CreateTempSubdirectory("matcher-bench-");
        try
        {
            var options = new DbContextOptionsBuilder<MatcherDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder.FullName, "bench.db")};Pooling=False").Options;
            await using (var db = new MatcherDbContext(options))
                await db.Database.MigrateAsync(cancellationToken);
            var cache = new EfEmbeddingCache(new PooledDbContextFactory<MatcherDbContext>(options));
            var caching = new CachingEmbeddingGenerator(engine, cache, model.Id);
            // Warm EF Core's model and query caches on lines outside the measured set.
            await caching.GenerateAsync(Enumerable.Range(0, batchSize).Select(i => $"warm-up line {i}"), cancellationToken: cancellationToken);
            var fillTime = await TimeAsync(() => caching.GenerateAsync(lines, cancellationToken: cancellationToken));
            var cachedTime = await TimeAsync(() => caching.GenerateAsync(lines, cancellationToken: cancellationToken));

            return new EmbedBenchResult(model.Id, source, lines.Length, batchSize, threads == 0 ? Environment.ProcessorCount : threads,
                EngineLinesPerSecond: lines.Length / engineTime.TotalSeconds,
                BareLinesPerSecond: lines.Length / bareTime.TotalSeconds,
                BareSortedLinesPerSecond: lines.Length / bareSortedTime.TotalSeconds,
                Ratio: engineTime / bareTime,
                RatioToSortedBare: engineTime / bareSortedTime,
                Goal,
                FirstPassWithCacheSeconds: fillTime.TotalSeconds,
                CachedReembedSeconds: cachedTime.TotalSeconds);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static async Task<TimeSpan> TimeAsync<T>(Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    private static async Task WriteTextAsync(TextWriter output, EmbedBenchResult r)
    {
        await output.WriteLineAsync($"model {r.Model}, {r.Lines} lines ({r.Source}), batch {r.Batch}, {r.Threads} threads");
        await output.WriteLineAsync($"engine generator   {r.EngineLinesPerSecond,8:F1} lines/s");
        await output.WriteLineAsync($"bare OnnxRuntime   {r.BareLinesPerSecond,8:F1} lines/s");
        await output.WriteLineAsync($"bare, pre-sorted   {r.BareSortedLinesPerSecond,8:F1} lines/s  (same padding as the engine)");
        await output.WriteLineAsync($"engine/bare time   {r.Ratio,8:F2}x  (goal <= {r.Goal:F2}x: {(r.Ratio <= r.Goal ? "met" : "NOT met")})");
        await output.WriteLineAsync($"engine/pre-sorted  {r.RatioToSortedBare,8:F2}x  (the engine's own overhead)");
        await output.WriteLineAsync($"first pass + cache {r.FirstPassWithCacheSeconds,8:F2} s");
        await output.WriteLineAsync($"cached re-embed    {r.CachedReembedSeconds,8:F3} s");
    }
}

internal sealed record EmbedBenchResult(
    string Model, string Source, int Lines, int Batch, int Threads,
    double EngineLinesPerSecond, double BareLinesPerSecond, double BareSortedLinesPerSecond,
    double Ratio, double RatioToSortedBare, double Goal,
    double FirstPassWithCacheSeconds, double CachedReembedSeconds);

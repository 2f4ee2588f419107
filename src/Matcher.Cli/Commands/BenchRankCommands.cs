using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Matcher.Core.Documents;
using Matcher.Core.Embeddings;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Embeddings;
using Matcher.Embeddings.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matcher.Cli.Commands;

/// <summary>
/// <c>matcher bench make-cvs N DIR</c> writes the benchmark's CVs; <c>matcher bench rank --cvs DIR --postings A [B]</c>
/// ranks them from an empty embedding cache against A, then (cached) against B, and says where the time went.
/// </summary>
internal static class BenchRankCommands
{
    /// <summary>Lines handed to the bare OnnxRuntime loop for comparison: enough for a steady rate, few enough to be quick.</summary>
    private const int BareSample = 2000;

    public static void AddTo(Command bench)
    {
        bench.Subcommands.Add(MakeCvs());
        bench.Subcommands.Add(Rank());
    }

    private static Command MakeCvs()
    {
        var count = new Argument<int>("count") { Description = "How many CVs to write." };
        var folder = new Argument<string>("folder") { Description = "The folder to write them into (created if missing)." };
        var command = new Command("make-cvs", "Write N realistic two-page PDF CVs in several fields; the same N gives the same files on every machine.");
        command.Arguments.Add(count);
        command.Arguments.Add(folder);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (output, token) =>
        {
            var n = parse.GetValue(count);
            if (n < 1)
                throw new InputException("make-cvs needs a count of at least 1.");
            var paths = BenchCvGenerator.Write(n, parse.GetValue(folder)!, token);
            await output.WriteLineAsync($"Wrote {paths.Count} CVs to {Path.GetFullPath(parse.GetValue(folder)!)}.");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private static Command Rank()
    {
        var cvs = new Option<string[]>("--cvs") { Description = "CV files or folders of CVs.", Required = true, AllowMultipleArgumentsPerToken = true };
        var postings = new Option<FileInfo[]>("--postings", "--posting")
        {
            Description = "One or two posting files: the CVs are ranked against the first from an empty cache, then against the second with their vectors cached.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var position = new Option<int>("--position") { Description = "Position number, from 1, in each posting.", DefaultValueFactory = _ => 1 };
        var sizes = new Option<int[]>("--sizes")
        {
            Description = "Rank the first N CVs for each N given (e.g. 250 1000 3000) to show the cost per CV stays flat; default: all of them.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("rank", "Rank a folder of CVs from an empty cache: wall time per stage, lines embedded and seen, peak memory, time per CV.");
        foreach (var option in new Option[] { cvs, postings, position, sizes })
            command.Options.Add(option);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (output, token) =>
        {
            var postingFiles = parse.GetValue(postings)!;
            if (postingFiles.Length is < 1 or > 2)
                throw new InputException("--postings takes one or two posting files.");
            var files = await RankCommands.CollectAsync(parse.GetValue(cvs)!, token);
            if (files.Count == 0)
                throw new InputException("No CV files were found in --cvs.");
            var wanted = parse.GetValue(sizes) is { Length: > 0 } given ? given : [files.Count];
            if (wanted.Any(n => n < 1 || n > files.Count))
                throw new InputException($"Each of --sizes must be from 1 to the {files.Count} CVs found.");

            var rows = new List<(int Size, double Seconds)>();
            foreach (var size in wanted)
            {
                var run = await RunAsync(files.OrderBy(f => f.Name, StringComparer.Ordinal).Take(size).ToList(), postingFiles, parse.GetValue(position) - 1, token);
                await WriteAsync(output, run);
                rows.Add((size, run.ColdSeconds));
            }
            if (rows.Count > 1)
                await output.WriteLineAsync("time per CV, cold: " + string.Join(", ", rows.Select(r =>
                    string.Create(CultureInfo.InvariantCulture, $"{r.Size} CVs {r.Seconds * 1000 / r.Size:0} ms"))));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"peak memory (RSS) {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MB"));
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private sealed record Run(
        int Cvs, string PostingA, double ColdSeconds, RankingStages Stages, long LinesSeen, long LinesEmbedded,
        double EmbedSeconds, double BareLinesPerSecond, string? PostingB, double? WarmSeconds, RankingStages? WarmStages);

    private static async Task<Run> RunAsync(List<ApplicantFile> files, FileInfo[] postingFiles, int position, CancellationToken cancellationToken)
    {
        // Each size starts from an empty cache in a folder of its own, as a fresh installation would.
        var folder = Directory.CreateTempSubdirectory("matcher-bench-rank-").FullName;
        var previous = Environment.GetEnvironmentVariable("Matcher__DataFolder");
        Environment.SetEnvironmentVariable("Matcher__DataFolder", folder);
        try
        {
            var seen = new EmbeddingMeter(sample: 0);
            var embedded = new EmbeddingMeter(sample: BareSample);
            await using var services = CliServices.Build(services => services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
                var model = sp.GetRequiredService<IEmbeddingModelInfo>();
                var inner = new MeteredEmbeddingGenerator(EmbeddingGeneratorFactory.Create(options), embedded);
                return new MeteredEmbeddingGenerator(new CachingEmbeddingGenerator(inner, sp.GetRequiredService<IEmbeddingCache>(), model.ModelId), seen);
            }));
            var reader = services.GetRequiredService<PostingReader>();
            var ranker = services.GetRequiredService<Ranker>();
            var postingA = reader.Read(await MatchCommands.ReadFileAsync(postingFiles[0], cancellationToken), postingFiles[0].Name, cancellationToken);

            // Load the model outside the measured run, on a line no CV holds.
            await services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["warm-up"], cancellationToken: cancellationToken);
            seen.Reset();
            embedded.Reset();

            var stages = new RankingStages();
            var clock = Stopwatch.StartNew();
            await ranker.RankAsync(postingA, [position], files, cancellationToken: cancellationToken, stages: stages);
            var cold = clock.Elapsed.TotalSeconds;
            var (linesSeen, linesEmbedded, embedSeconds) = (seen.Lines, embedded.Lines, embedded.Elapsed.TotalSeconds);

            double? warm = null;
            RankingStages? warmStages = null;
            if (postingFiles.Length > 1)
            {
                var postingB = reader.Read(await MatchCommands.ReadFileAsync(postingFiles[1], cancellationToken), postingFiles[1].Name, cancellationToken);
                clock.Restart();
                warmStages = new RankingStages();
                await ranker.RankAsync(postingB, [position], files, cancellationToken: cancellationToken, stages: warmStages);
                warm = clock.Elapsed.TotalSeconds;
            }

            var bare = BareRate(services, embedded.Sample, cancellationToken);
            return new Run(files.Count, postingFiles[0].Name, cold, stages, linesSeen, linesEmbedded, embedSeconds, bare,
                postingFiles.Length > 1 ? postingFiles[1].Name : null, warm, warmStages);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Matcher__DataFolder", previous);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the temp folder is cleaned by the OS */ }
        }
    }

    /// <summary>Lines per second of a plain OnnxRuntime loop on lines the ranking embedded, or 0 for a hosted model.</summary>
    private static double BareRate(IServiceProvider services, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        if (options.Provider != EmbeddingProvider.Local || lines.Count == 0 || LocalModels.Find(options.ResolvedModel) is not { } model)
            return 0;
        using var bare = new BareOnnxLoop(model, options.BatchSize, options.Threads);
        bare.Embed(lines.Take(options.BatchSize).ToList(), cancellationToken);
        var clock = Stopwatch.StartNew();
        bare.Embed(lines, cancellationToken);
        return lines.Count / clock.Elapsed.TotalSeconds;
    }

    private static async Task WriteAsync(TextWriter output, Run run)
    {
        string Share(TimeSpan time, double wall) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s ({time.TotalSeconds / wall:0%} of wall)");
        var inv = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(inv,
            $"rank {run.Cvs} CVs against {run.PostingA}, empty cache: {run.ColdSeconds:0.0} s wall, {run.ColdSeconds * 1000 / run.Cvs:0} ms per CV"));
        await WriteStagesAsync(run.Stages, run.ColdSeconds);
        var served = 1 - run.LinesEmbedded / (double)Math.Max(1, run.LinesSeen);
        var rate = run.LinesEmbedded / Math.Max(run.EmbedSeconds, 1e-9);
        var bare = run.BareLinesPerSecond > 0 ? string.Create(inv, $"; a bare OnnxRuntime loop on the same lines: {run.BareLinesPerSecond:0} lines/s") : "";
        await output.WriteLineAsync(string.Create(inv,
            $"  model: {run.LinesEmbedded} lines embedded of {run.LinesSeen} seen ({served:0%} served by de-duplication and cache), {rate:0} lines/s{bare}"));
        if (run.WarmSeconds is { } warm)
            await output.WriteLineAsync(string.Create(inv,
                $"rank the same {run.Cvs} CVs against {run.PostingB}, CV vectors cached: {warm:0.0} s wall, {warm * 1000 / run.Cvs:0} ms per CV"));
        if (run.WarmStages is { } stages && run.WarmSeconds is { } wall)
            await WriteStagesAsync(stages, wall);

        async Task WriteStagesAsync(RankingStages stages, double wall)
        {
            await output.WriteLineAsync($"  read and parse (on every core): {Share(stages.Read, wall)}");
            await output.WriteLineAsync($"  embed CV lines in batches:      {Share(stages.Prepare, wall)}");
            await output.WriteLineAsync($"  score (and posting lines):      {Share(stages.Score, wall)}");
        }
    }

    /// <summary>Counts the lines an embedder is asked for and the time it takes, and keeps a sample of them.</summary>
    private sealed class EmbeddingMeter(int sample)
    {
        private readonly List<string> _sample = [];
        private long _lines, _ticks;

        public long Lines => Interlocked.Read(ref _lines);
        public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));
        public IReadOnlyList<string> Sample { get { lock (_sample) return _sample.ToList(); } }

        public void Add(IReadOnlyList<string> lines, TimeSpan time)
        {
            Interlocked.Add(ref _lines, lines.Count);
            Interlocked.Add(ref _ticks, time.Ticks);
            lock (_sample)
                _sample.AddRange(lines.Take(sample - _sample.Count));
        }

        public void Reset()
        {
            Interlocked.Exchange(ref _lines, 0);
            Interlocked.Exchange(ref _ticks, 0);
            lock (_sample)
                _sample.Clear();
        }
    }

    private sealed class MeteredEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, EmbeddingMeter meter)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var lines = values as IReadOnlyList<string> ?? values.ToList();
            var clock = Stopwatch.StartNew();
            var result = await base.GenerateAsync(lines, options, cancellationToken);
            meter.Add(lines, clock.Elapsed);
            return result;
        }
    }
}

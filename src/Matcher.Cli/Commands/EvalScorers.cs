using System.Collections.Concurrent;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Embeddings;
using Matcher.Core.Evaluation;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Commands;

/// <summary>
/// The scorers <c>matcher eval</c> can measure. Each entry builds a scoring function for a label set;
/// adding a scorer is one line here.
/// </summary>
internal static class EvalScorers
{
    public const string Engine = "engine";

    public delegate Task<Func<string, string, int, CancellationToken, Task<double>>> Factory(LabelSet labels, IServiceProvider services, CancellationToken cancellationToken);

    private static readonly Dictionary<string, Factory> Available = new(StringComparer.OrdinalIgnoreCase)
    {
        [Engine] = async (labels, services, ct) =>
        {
            await PrepareEngineAsync(labels, services, ct);
            return EngineScorer(services);
        },
        ["embedding"] = async (labels, services, ct) =>
        {
            // Every CV's lines in one call: the model then runs full, length-sorted batches instead of a few ragged ones per pair.
            await services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()
                .GenerateAsync(labels.CvTexts.Values.SelectMany(Lines).Distinct(StringComparer.Ordinal).ToList(), cancellationToken: ct);
            return BestLineScorer(services);
        },
        ["tfidf"] = (labels, _, _) => Task.FromResult(TfIdf(labels)),
    };

    public static IEnumerable<string> Names => Available.Keys.Order(StringComparer.Ordinal);

    /// <summary>The factory for a scorer name; fails with a message that says what to use instead.</summary>
    public static Factory Resolve(string name) =>
        Available.TryGetValue(name, out var factory)
            ? factory
            : throw new InputException($"Unknown scorer '{name}'. Choose one of: {string.Join(", ", Names)}.");

    /// <summary>The product's engine: the overall 0–100 score.</summary>
    private static Func<string, string, int, CancellationToken, Task<double>> EngineScorer(IServiceProvider services)
    {
        var reports = EngineReports(services);
        return async (cv, posting, position, ct) => (await reports(cv, posting, position, ct)).Score;
    }

    /// <summary>
    /// Embeds the lines of every CV in the set before any pair is scored (see <see cref="IMatchEngine.PrepareAsync"/>):
    /// a label set holds hundreds of CVs, and one call across them pads far less than one call per pair.
    /// </summary>
    public static Task PrepareEngineAsync(LabelSet labels, IServiceProvider services, CancellationToken cancellationToken)
    {
        var cvReader = services.GetRequiredService<CvReader>();
        var cvs = labels.Pairs.Select(p => p.Cv).Distinct(StringComparer.Ordinal).Select(cv => cvReader.ReadText(labels.CvTexts[cv])).ToList();
        return services.GetRequiredService<IMatchEngine>().PrepareAsync(cvs, cancellationToken);
    }

    /// <summary>The engine's whole report for a pair: the folds and the trainer read its signals.</summary>
    public static Func<string, string, int, CancellationToken, Task<MatchReport>> EngineReports(IServiceProvider services)
    {
        var cvReader = services.GetRequiredService<CvReader>();
        var postings = new PostingCache(services.GetRequiredService<PostingReader>());
        var engine = services.GetRequiredService<IMatchEngine>();
        return (cv, posting, position, ct) => engine.MatchAsync(cvReader.ReadText(cv), postings.Get(posting), position, ct);
    }

    /// <summary>
    /// The embedding baseline: for each requirement (or responsibility) the best cosine to any CV line,
    /// averaged. No lexicon, no structured checks, no weights.
    /// </summary>
    private static Func<string, string, int, CancellationToken, Task<double>> BestLineScorer(IServiceProvider services)
    {
        var postings = new PostingCache(services.GetRequiredService<PostingReader>());
        var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        return async (cv, posting, position, ct) =>
        {
            var target = postings.Get(posting).Positions[position];
            var queries = target.Requirements.Count > 0 ? target.Requirements.Select(r => r.Text).ToList() : target.Responsibilities.ToList();
            var lines = Lines(cv).ToList();
            var q = await embedder.GenerateAsync(queries, EmbeddingInputType.ForQueries(), ct);
            var d = await embedder.GenerateAsync(lines, cancellationToken: ct);
            return q.Average(qe => d.Max(de => TensorDot(qe.Vector.Span, de.Vector.Span)));
        };
    }

    /// <summary>The baseline's passages: the CV's raw lines, as a plain embedding matcher would take them.</summary>
    private static IEnumerable<string> Lines(string cv) =>
        cv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Length > 2);

    private static double TensorDot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);

    private static Func<string, string, int, CancellationToken, Task<double>> TfIdf(LabelSet labels)
    {
        var scorer = new TfIdfScorer(labels.Documents);
        return (cv, posting, _, _) => Task.FromResult(scorer.Score(cv, posting));
    }

    /// <summary>Each posting is read once however many CVs are scored against it.</summary>
    private sealed class PostingCache(PostingReader reader)
    {
        private readonly ConcurrentDictionary<string, Posting> _postings = new(StringComparer.Ordinal);

        public Posting Get(string text) => _postings.GetOrAdd(text, reader.ReadText);
    }
}

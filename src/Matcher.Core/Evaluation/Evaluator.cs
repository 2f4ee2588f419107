using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Core.Evaluation;

/// <summary>
/// Scores every labelled pair with a scorer and measures, posting by posting, how well its order agrees with the labels.
/// The engine and the baselines plug in the same way, as a function of (CV text, posting text, position).
/// </summary>
public sealed class Evaluator(ILogger<Evaluator> logger)
{
    public const int NdcgCutoff = 10;

    /// <summary>Fewest in-field CVs for which an in-field correlation means anything.</summary>
    public const int MinInFieldPairs = 4;

    public Evaluator() : this(NullLogger<Evaluator>.Instance) { }

    public async Task<EvaluationResult> EvaluateAsync(
        LabelSet labels,
        string scorerName,
        Func<string, string, int, CancellationToken, Task<double>> score,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(score);

        var groups = labels.Pairs
            .GroupBy(p => (p.Posting, p.Position))
            .OrderBy(g => g.Key.Posting, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Position);
        var results = new List<PostingEvaluation>();
        foreach (var group in groups)
        {
            var pairs = group.ToList();
            var postingText = labels.PostingTexts[group.Key.Posting];
            var scores = new List<double>(pairs.Count);
            foreach (var pair in pairs)
                scores.Add(await score(labels.CvTexts[pair.Cv], postingText, pair.Position, cancellationToken));
            results.Add(Measure(group.Key.Posting, group.Key.Position, pairs.Select(p => p.Label).ToList(), scores, pairs.Select(p => p.Reference).ToList()));
        }

        var mean = new MeanMetrics(
            MeanOf(results.Select(r => r.Spearman)),
            MeanOf(results.Select(r => r.Ndcg10)),
            MeanOf(results.Select(r => r.SpearmanInField)),
            MedianOf(results.Select(r => r.Spearman)),
            MedianOf(results.Select(r => r.Ndcg10)));
        logger.LogInformation("Evaluated {Scorer} on {Postings} postings ({Skipped} skipped): Spearman {Spearman}, nDCG@10 {Ndcg}, in-field Spearman {InField}",
            scorerName, results.Count, results.Count(r => r.Spearman is null), mean.Spearman, mean.Ndcg10, mean.SpearmanInField);
        return new EvaluationResult(scorerName, results, mean);
    }

    /// <param name="references">What Spearman compares with: the fine scores where the set has them (ties in 0–3 labels hide most of the order), else the labels.</param>
    internal static PostingEvaluation Measure(string posting, int position, IReadOnlyList<int> labels, IReadOnlyList<double> scores, IReadOnlyList<double>? references = null)
    {
        references ??= labels.Select(l => (double)l).ToList();
        if (labels.Distinct().Count() < 2)
            return new PostingEvaluation(posting, position, labels.Count, null, null,
                Note: $"skipped: all {labels.Count} CVs carry label {labels[0]}, so there is no order to agree with");

        var ndcg = RankMetrics.NdcgAtK(scores, labels, NdcgCutoff)!.Value;
        var spearman = RankMetrics.Spearman(scores, references);
        var inField = InFieldSpearman(labels, scores, references);
        // A scorer that gives every CV the same score has no ranking skill; count it as chance rather than dropping it.
        return spearman is null
            ? new PostingEvaluation(posting, position, labels.Count, 0, ndcg, inField ?? 0, "the scorer gave every CV the same score")
            : new PostingEvaluation(posting, position, labels.Count, spearman, ndcg, inField);
    }

    private static double? InFieldSpearman(IReadOnlyList<int> labels, IReadOnlyList<double> scores, IReadOnlyList<double> references)
    {
        var inField = Enumerable.Range(0, labels.Count).Where(i => labels[i] > 0).ToList();
        if (inField.Count < MinInFieldPairs || inField.Select(i => references[i]).Distinct().Count() < 2)
            return null;
        return RankMetrics.Spearman(inField.Select(i => scores[i]).ToList(), inField.Select(i => references[i]).ToList()) ?? 0;
    }

    private static double? MedianOf(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().Order().ToList();
        if (present.Count == 0)
            return null;
        var middle = present.Count / 2;
        return present.Count % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
    }

    private static double? MeanOf(IEnumerable<double?> values)
    {
        var present = values.OfType<double>().ToList();
        return present.Count == 0 ? null : present.Average();
    }
}

namespace Matcher.Core.Evaluation;

/// <summary>How well one scorer ranked the CVs labelled against one position of one posting.</summary>
/// <param name="Spearman">Null when the posting was skipped.</param>
/// <param name="Ndcg10">Null when the posting was skipped.</param>
/// <param name="SpearmanInField">
/// Spearman over the CVs labelled 1 or more only (the rubric's "same field or transferable"): how well the scorer
/// orders plausible candidates, which separating nurses from chefs says nothing about. Null when fewer than
/// <see cref="Evaluator.MinInFieldPairs"/> such CVs or all carry the same label.
/// </param>
/// <param name="Note">Why the posting was skipped, or what is unusual about its figures.</param>
public sealed record PostingEvaluation(string Posting, int Position, int Pairs, double? Spearman, double? Ndcg10, double? SpearmanInField = null, string? Note = null);

/// <summary>Means over the postings that have each figure; null when none has it.</summary>
public sealed record MeanMetrics(double? Spearman, double? Ndcg10, double? SpearmanInField = null, double? MedianSpearman = null, double? MedianNdcg10 = null);

/// <summary>The per-posting and averaged rank agreement of one scorer with the human labels.</summary>
public sealed record EvaluationResult(string Scorer, IReadOnlyList<PostingEvaluation> Postings, MeanMetrics Mean);

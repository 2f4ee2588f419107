namespace Matcher.Core.Evaluation;

/// <summary>How well one scorer ranked the CVs labelled against one position of one posting.</summary>
/// <param name="Spearman">Null when the posting was skipped.</param>
/// <param name="Ndcg10">Null when the posting was skipped.</param>
/// <param name="Note">Why the posting was skipped, or what is unusual about its figures.</param>
public sealed record PostingEvaluation(string Posting, int Position, int Pairs, double? Spearman, double? Ndcg10, string? Note = null);

/// <summary>Means over the postings that were not skipped; null when every posting was skipped.</summary>
public sealed record MeanMetrics(double? Spearman, double? Ndcg10);

/// <summary>The per-posting and averaged rank agreement of one scorer with the human labels.</summary>
public sealed record EvaluationResult(string Scorer, IReadOnlyList<PostingEvaluation> Postings, MeanMetrics Mean);

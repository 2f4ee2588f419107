namespace Matcher.Core.Ranking;

/// <summary>
/// Where a ranking is in its life. The store keeps the member's name, not its number, so members may be reordered
/// or added; renaming one needs a migration of the rows that hold it.
/// </summary>
public enum RankingJobStatus { Queued, Running, Completed, Cancelled, Failed }

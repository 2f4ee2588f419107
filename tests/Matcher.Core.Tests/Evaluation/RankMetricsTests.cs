using Matcher.Core.Evaluation;

namespace Matcher.Core.Tests.Evaluation;

public class RankMetricsTests
{
    private const double Tolerance = 1e-4;

    [Fact]
    public void Spearman_is_one_when_scores_order_items_exactly_as_labels_do()
    {
        var rho = RankMetrics.Spearman([0.1, 0.4, 0.5, 0.9], [0, 1, 2, 3]);

        Assert.NotNull(rho);
        Assert.Equal(1.0, rho.Value, Tolerance);
    }

    [Fact]
    public void Spearman_is_minus_one_when_the_order_is_reversed()
    {
        var rho = RankMetrics.Spearman([40, 30, 20, 10], [0, 1, 2, 3]);

        Assert.Equal(-1.0, rho!.Value, Tolerance);
    }

    [Fact]
    public void Spearman_gives_tied_labels_their_average_rank()
    {
        // Labels 1,1,2,3 rank as 1.5,1.5,3,4; Pearson of those ranks with 1,2,3,4 is 4.5 / sqrt(5 * 4.5) = sqrt(0.9).
        var rho = RankMetrics.Spearman([1, 2, 3, 4], [1, 1, 2, 3]);

        Assert.Equal(Math.Sqrt(0.9), rho!.Value, Tolerance);
    }

    [Fact]
    public void Average_ranks_share_the_mean_rank_across_a_tie()
    {
        Assert.Equal([1.0, 2.5, 2.5, 4.0], RankMetrics.AverageRanks([10, 20, 20, 30]));
        Assert.Equal([3.0, 1.5, 1.5], RankMetrics.AverageRanks([9, 1, 1]));
    }

    [Fact]
    public void Spearman_is_undefined_when_all_labels_are_equal()
    {
        Assert.Null(RankMetrics.Spearman([0.2, 0.5, 0.9], [2, 2, 2]));
    }

    [Fact]
    public void Ndcg_is_one_for_the_ideal_order()
    {
        var ndcg = RankMetrics.NdcgAtK([0.9, 0.8, 0.5, 0.1], [3, 2, 1, 0], 10);

        Assert.Equal(1.0, ndcg!.Value, Tolerance);
    }

    [Fact]
    public void Ndcg_uses_exponential_gain_against_the_ideal_from_labels()
    {
        // Ranked labels 3,2,3,0,1,2 → gains 7,3,7,0,1,3: DCG = 7 + 3/log2(3) + 7/2 + 0 + 1/log2(6) + 3/log2(7) = 13.8483.
        // Ideal labels 3,3,2,2,1,0 → 7 + 7/log2(3) + 3/2 + 3/log2(5) + 1/log2(6) = 14.5954; ratio 0.9488.
        var ndcg = RankMetrics.NdcgAtK([6, 5, 4, 3, 2, 1], [3, 2, 3, 0, 1, 2], 10);

        Assert.Equal(0.9488, ndcg!.Value, Tolerance);
    }

    [Fact]
    public void Ndcg_counts_only_the_top_k()
    {
        // Top 1 holds a label-0 item, the ideal top 1 a label-3 item.
        Assert.Equal(0.0, RankMetrics.NdcgAtK([0.9, 0.1], [0, 3], 1)!.Value, Tolerance);
        // With k = 2 the strong item counts at rank 2: (7 / log2(3)) / 7.
        Assert.Equal(1 / Math.Log2(3), RankMetrics.NdcgAtK([0.9, 0.1], [0, 3], 2)!.Value, Tolerance);
    }

    [Fact]
    public void Ndcg_breaks_score_ties_against_the_scorer()
    {
        var ndcg = RankMetrics.NdcgAtK([0.5, 0.5], [3, 0], 10);

        Assert.Equal(1 / Math.Log2(3), ndcg!.Value, Tolerance);
    }

    [Fact]
    public void Ndcg_is_undefined_when_no_item_is_relevant()
    {
        Assert.Null(RankMetrics.NdcgAtK([0.3, 0.2], [0, 0], 10));
    }
}

namespace Matcher.Core.Evaluation;

/// <summary>Rank-agreement measures between a scorer's output and human fit labels for one posting.</summary>
public static class RankMetrics
{
    /// <summary>
    /// Spearman's rank correlation, with tied values given the average of the ranks they span.
    /// Null when either side is constant: the correlation is undefined there, and the caller decides what that means.
    /// </summary>
    public static double? Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
            throw new ArgumentException($"Both lists must have the same length ({x.Count} and {y.Count}).", nameof(y));
        if (x.Count < 2)
            return null;
        return Pearson(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>1-based ranks in ascending order; a run of equal values shares the mean of its ranks.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        var start = 0;
        while (start < order.Length)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]].Equals(values[order[start]]))
                end++;
            var shared = (start + end) / 2.0 + 1;
            for (var i = start; i <= end; i++)
                ranks[order[i]] = shared;
            start = end + 1;
        }
        return ranks;
    }

    /// <summary>
    /// Normalised discounted cumulative gain of the top <paramref name="k"/> items when sorted by score,
    /// with gain 2^label − 1 and the ideal ordering taken from the labels. Null when no item has a positive label.
    /// </summary>
    /// <remarks>
    /// Items with equal scores are placed worst label first, so a scorer cannot gain credit from ties
    /// (a constant scorer gets the lowest nDCG its ties allow, not a lucky one).
    /// </remarks>
    public static double? NdcgAtK(IReadOnlyList<double> scores, IReadOnlyList<int> labels, int k)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (scores.Count != labels.Count)
            throw new ArgumentException($"Scores and labels must have the same length ({scores.Count} and {labels.Count}).", nameof(labels));

        var ideal = Dcg(labels.OrderByDescending(l => l), k);
        if (ideal <= 0)
            return null;
        var ranked = Enumerable.Range(0, scores.Count)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => labels[i])
            .Select(i => labels[i]);
        return Dcg(ranked, k) / ideal;
    }

    private static double Dcg(IEnumerable<int> labelsInRankOrder, int k) =>
        labelsInRankOrder.Take(k).Select((label, i) => (Math.Pow(2, label) - 1) / Math.Log2(i + 2)).Sum();

    private static double? Pearson(double[] x, double[] y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        double cov = 0, varX = 0, varY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            cov += dx * dy;
            varX += dx * dx;
            varY += dy * dy;
        }
        if (varX == 0 || varY == 0)
            return null;
        return cov / Math.Sqrt(varX * varY);
    }
}

namespace Matcher.Core.Ranking;

/// <summary>
/// Suggests one applicant per position so that the sum of scores is as high as possible and no applicant
/// gets two positions (the Hungarian algorithm). A greedy "best pair first" can lose: when one applicant is
/// best for two positions, taking them for the first may leave the second with a poor fit.
/// </summary>
public static class PositionAssignment
{
    /// <param name="scores">scores[applicant][position]; null where the applicant could not be scored.</param>
    /// <returns>For each position, the index of the suggested applicant, or null when none is available.</returns>
    public static IReadOnlyList<int?> Assign(IReadOnlyList<IReadOnlyList<double?>> scores, int positions)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var applicants = scores.Count;
        var result = new int?[positions];
        if (positions == 0 || applicants == 0)
            return result;

        // Rows are positions; columns are applicants plus one "nobody" column per position, so every position
        // can be left empty when no scored applicant is left. Unscorable pairs cost more than "nobody".
        var columns = applicants + positions;
        var cost = new double[positions + 1, columns + 1];
        for (var p = 0; p < positions; p++)
            for (var a = 0; a < columns; a++)
                cost[p + 1, a + 1] = a < applicants
                    ? (p < scores[a].Count && scores[a][p] is { } score ? -score : 1)
                    : 0;

        var match = Solve(cost, positions, columns);
        for (var a = 0; a < applicants; a++)
        {
            var p = match[a + 1] - 1;
            if (p >= 0 && p < scores[a].Count && scores[a][p] is not null)
                result[p] = a;
        }
        return result;
    }

    /// <summary>
    /// As <see cref="Assign(IReadOnlyList{IReadOnlyList{double?}}, int)"/>, where several applicants may be one person
    /// (the same CV sent twice): a person gets at most one position, through whichever of their applications scores best for it.
    /// </summary>
    /// <param name="person">For each applicant, a number shared by all applications of the same person.</param>
    public static IReadOnlyList<int?> Assign(IReadOnlyList<IReadOnlyList<double?>> scores, int positions, IReadOnlyList<int> person)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(person);
        if (person.Count != scores.Count)
            throw new ArgumentException("Give one person number per applicant.", nameof(person));
        var people = person.Distinct().ToList();
        // Per person and position, the application that scores best there stands for the person.
        var best = people.Select(p => Enumerable.Range(0, positions).Select(c => Enumerable.Range(0, scores.Count)
            .Where(a => person[a] == p && c < scores[a].Count && scores[a][c] is not null)
            .OrderByDescending(a => scores[a][c]).Select(a => (int?)a).FirstOrDefault()).ToList()).ToList();
        var byPerson = best.Select(row => (IReadOnlyList<double?>)row.Select((a, c) => a is { } i ? scores[i][c] : null).ToList()).ToList();
        return Assign(byPerson, positions).Select((p, c) => p is { } i ? best[i][c] : null).ToList();
    }

    /// <summary>Minimum-cost assignment of every row to a distinct column (rows ≤ columns); 1-based, returns column → row.</summary>
    private static int[] Solve(double[,] a, int rows, int columns)
    {
        var u = new double[rows + 1];
        var v = new double[columns + 1];
        var p = new int[columns + 1];
        var way = new int[columns + 1];
        for (var i = 1; i <= rows; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, columns + 1).ToArray();
            var used = new bool[columns + 1];
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= columns; j++)
                {
                    if (used[j])
                        continue;
                    var current = a[i0, j] - u[i0] - v[j];
                    if (current < minv[j]) { minv[j] = current; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (var j = 0; j <= columns; j++)
                {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        return p;
    }
}

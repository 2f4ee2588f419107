using Matcher.Core.Ranking;

namespace Matcher.Core.Tests.Ranking;

public sealed class PositionAssignmentTests
{
    private static IReadOnlyList<IReadOnlyList<double?>> Scores(params double?[][] rows) => rows;

    [Fact]
    public void Gives_the_strong_all_rounder_to_the_position_nobody_else_fits_when_that_maximises_the_total()
    {
        // Applicant 0 is best for both positions; greedy would give them position 0 (90) and leave position 1 with 10.
        var scores = Scores([90, 85], [80, 10]);

        var assignment = PositionAssignment.Assign(scores, 2);

        Assert.Equal([1, 0], assignment);
    }

    [Fact]
    public void Never_gives_one_applicant_two_positions()
    {
        var scores = Scores([95, 94, 93], [20, 30, 40]);

        var assignment = PositionAssignment.Assign(scores, 3);

        var given = assignment.Where(a => a is not null).ToList();
        Assert.Equal(given.Distinct().Count(), given.Count);
        Assert.Equal(2, given.Count);
        Assert.Single(assignment, a => a is null);
    }

    [Fact]
    public void Leaves_a_position_empty_rather_than_assigning_an_unreadable_applicant()
    {
        var scores = Scores([70, null], [null, null]);

        var assignment = PositionAssignment.Assign(scores, 2);

        Assert.Equal([0, null], assignment);
    }

    [Theory]
    [InlineData(4, 3, 1)]
    [InlineData(6, 4, 2)]
    [InlineData(5, 5, 3)]
    public void Matches_the_best_total_found_by_trying_every_assignment(int applicants, int positions, int seed)
    {
        var random = new Random(seed);
        var scores = Enumerable.Range(0, applicants)
            .Select(_ => (IReadOnlyList<double?>)Enumerable.Range(0, positions).Select(_ => (double?)random.Next(0, 100)).ToList())
            .ToList();

        var assignment = PositionAssignment.Assign(scores, positions);
        var total = assignment.Select((a, p) => a is { } i ? scores[i][p]!.Value : 0).Sum();

        Assert.Equal(BruteForceBest(scores, positions, 0, new bool[applicants]), total);
    }

    private static double BruteForceBest(IReadOnlyList<IReadOnlyList<double?>> scores, int positions, int position, bool[] used)
    {
        if (position == positions)
            return 0;
        var best = BruteForceBest(scores, positions, position + 1, used);
        for (var a = 0; a < scores.Count; a++)
        {
            if (used[a])
                continue;
            used[a] = true;
            best = Math.Max(best, scores[a][position]!.Value + BruteForceBest(scores, positions, position + 1, used));
            used[a] = false;
        }
        return best;
    }
}

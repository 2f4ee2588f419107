using Matcher.Core.Postings;

namespace Matcher.Core.Reports;

/// <summary>How one requirement moved between an older and a newer CV's report.</summary>
public enum ChangeGroup { Improved, StillMissing, GotWorse, UnchangedMet }

/// <summary>One requirement in both reports: its status before and after, and what the newer CV shows for it.</summary>
public sealed record RequirementChange(
    string Id,
    string Text,
    RequirementKind Kind,
    MatchStatus Before,
    MatchStatus After,
    double ScoreBefore,
    double ScoreAfter,
    IReadOnlyList<Evidence> EvidenceAfter,
    ChangeGroup Group);

/// <summary>
/// Two reports of the same position from two versions of a CV, requirement by requirement. Requirements are
/// paired by id, then by text, because a posting edited between the two matches may have renumbered them;
/// requirements found in only one report are listed apart instead of being guessed into a pair.
/// </summary>
public sealed record ReportComparison(
    double ScoreBefore,
    double ScoreAfter,
    IReadOnlyList<RequirementChange> Changes,
    IReadOnlyList<string> OnlyBefore,
    IReadOnlyList<string> OnlyAfter)
{
    public double Delta => ScoreAfter - ScoreBefore;

    public IEnumerable<RequirementChange> In(ChangeGroup group) => Changes.Where(c => c.Group == group);

    public static ReportComparison Compare(MatchReport before, MatchReport after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var unpaired = before.Requirements.ToList();
        var changes = new List<RequirementChange>();
        var onlyAfter = new List<string>();
        foreach (var now in after.Requirements)
        {
            var then = unpaired.FirstOrDefault(r => r.Id == now.Id)
                ?? unpaired.FirstOrDefault(r => SameText(r.Text, now.Text));
            if (then is null)
            {
                onlyAfter.Add(now.Text);
                continue;
            }
            unpaired.Remove(then);
            changes.Add(new RequirementChange(now.Id, now.Text, now.Kind, then.Status, now.Status, then.Score, now.Score, now.Evidence, GroupOf(then.Status, now.Status)));
        }
        return new ReportComparison(before.Score, after.Score, changes, unpaired.Select(r => r.Text).ToList(), onlyAfter);
    }

    private static ChangeGroup GroupOf(MatchStatus before, MatchStatus after) => (Rank(before), Rank(after)) switch
    {
        var (b, a) when a > b => ChangeGroup.Improved,
        var (b, a) when a < b => ChangeGroup.GotWorse,
        _ when after == MatchStatus.Met => ChangeGroup.UnchangedMet,
        _ => ChangeGroup.StillMissing,
    };

    private static int Rank(MatchStatus status) => status switch
    {
        MatchStatus.Met => 2,
        MatchStatus.Partial => 1,
        _ => 0,
    };

    private static bool SameText(string a, string b) =>
        string.Equals(Normalise(a), Normalise(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

using System.Text.RegularExpressions;
using Matcher.Core.Cvs;

namespace Matcher.Core.Matching.Signals;

/// <summary>
/// The level a job title names, from the words titles use in any field: 0 a trainee or assistant, 1 a plain post,
/// 2 senior, lead or supervisor, 3 manager, 4 director, head, chief, principal, partner, owner or controller.
/// </summary>
internal static partial class TitleLevel
{
    [GeneratedRegex(@"\b(director|vice[\s-]president|vp|svp|evp|head of|chief|ceo|cfo|coo|cto|cio|president|principal|partner|owner|founder|controller)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Executive();

    [GeneratedRegex(@"\bmanager\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Manager();

    [GeneratedRegex(@"\b(senior|sr|lead|supervisor)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Senior();

    [GeneratedRegex(@"\b(intern|internship|trainee|assistant|junior|jr|apprentice|clerk|student)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Starter();

    /// <summary>The level a title names; a title naming none is a plain post (1).</summary>
    public static int Of(string title) =>
        Executive().IsMatch(title) ? 4
        : Manager().IsMatch(title) ? 3
        : Senior().IsMatch(title) ? 2
        : Starter().IsMatch(title) ? 0
        : 1;

    /// <summary>Titles longer than this are sentences, not titles.</summary>
    private const int MaxTitleLength = 80;

    /// <summary>
    /// The candidate's present level: the highest of the CV's headline and its two latest roles' titles (latest by
    /// end date, a current role first), with the title that names it. Earlier roles do not count: a director who was
    /// once a teller is a director now.
    /// </summary>
    public static (int Level, string? Title) Present(CvDocument cv, YearMonth now)
    {
        var roles = cv.Experience;
        var titles = Enumerable.Range(0, roles.Count)
            .OrderByDescending(i => (roles[i].IsCurrent ? now : roles[i].End ?? roles[i].Start)?.TotalMonths ?? int.MinValue)
            .ThenBy(i => i)
            .Take(2)
            .Select(i => roles[i].Title)
            .Prepend(cv.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault())
            .OfType<string>()
            .Where(t => t.Length is > 2 and <= MaxTitleLength)
            .ToList();
        if (titles.Count == 0)
            return (1, null);
        var best = titles.MaxBy(Of)!;
        return (Of(best), best);
    }
}

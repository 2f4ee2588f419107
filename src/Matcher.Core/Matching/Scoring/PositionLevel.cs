using System.Globalization;
using System.Text.RegularExpressions;
using Matcher.Core.Cvs;
using Matcher.Core.Postings;

namespace Matcher.Core.Matching.Scoring;

/// <summary>The career stage a posting names, when it names one.</summary>
public enum CareerStage { Unstated, EntryLevel, Internship }

/// <summary>
/// Level fit: only a posting that names its level can make experience a gap. An internship is for students
/// (or people who finished a degree this year); an entry-level or junior post treats many years as
/// over-qualification. The result scales the overall score and is stated in the report.
/// </summary>
internal static partial class PositionLevel
{
    [GeneratedRegex(@"\b(intern|interns|internship|internships|praktikum|werkstudent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InternshipPattern();

    [GeneratedRegex(@"\b(entry[\s-]level|junior|new[\s-]grad(uate)?s?|graduate (programme|program|scheme))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EntryLevelPattern();

    [GeneratedRegex(@"\b(in progress|expected|ongoing|current(ly)?|candidate|student|until now|present)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StudyingPattern();

    public static CareerStage Stage(Posting posting, Position position)
    {
        // Where a posting states its level: employment type, titles and the position's own words.
        var heading = string.Join(" \n ", new[] { posting.EmploymentType, posting.Title, position.Title }.Where(s => s is not null));
        if (InternshipPattern().IsMatch(heading))
            return CareerStage.Internship;
        var body = string.Join(" \n ", new[] { heading, position.Summary }.Concat(position.Requirements.Select(r => r.Text)).Where(s => s is not null));
        return EntryLevelPattern().IsMatch(body) ? CareerStage.EntryLevel : CareerStage.Unstated;
    }

    /// <summary>A student: a degree still in progress, or one finished this year.</summary>
    public static bool IsStudying(CvDocument cv, YearMonth now) =>
        cv.Education.Any(e => e.EndYear >= now.Year
            || StudyingPattern().IsMatch(string.Join(" ", e.Degree, e.Field, e.Institution)));

    /// <summary>The factor the overall score is scaled by, and the sentence that explains it (null when the level fits).</summary>
    public static (double Factor, string? Note) Fit(CareerStage stage, CvProfile cv, MatchingOptions options) => stage switch
    {
        CareerStage.Internship when !IsStudying(cv.Cv, cv.Now) =>
            (options.NotStudentFactor, "The position is an internship and the CV shows no degree in progress"),
        CareerStage.EntryLevel when cv.TotalYears > options.EntryLevelMaxYears =>
            (options.OverQualifiedFactor, string.Create(CultureInfo.InvariantCulture, $"The position is entry level and the CV shows {cv.TotalYears:0.#} years of experience")),
        _ => (1.0, null),
    };
}

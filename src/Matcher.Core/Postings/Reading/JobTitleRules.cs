using System.Text.RegularExpressions;
using Matcher.Core.Text;

namespace Matcher.Core.Postings.Reading;

/// <summary>Finds the job title: a short line naming a job, or the role named in a "we seek a …" sentence.</summary>
internal static partial class JobTitleRules
{
    private const int MaxTitleWords = 12;
    private const int MaxTitleLength = 90;
    private const int MaxUnlistedTitleWords = 4;

    [GeneratedRegex(@"\b(engineers?|developers?|programmers?|scientists?|researchers?|analysts?|architects?|designers?|managers?|directors?|leads?|leaders?|heads?|officers?|specialists?|consultants?|administrators?|coordinators?|assistants?|associates?|technicians?|interns?|internships?|trainees?|apprentices?|nurses?|teachers?|accountants?|advisors?|advisers?|representatives?|reps?|executives?|operators?|editors?|writers?|producers?|recruiters?|strategists?|officers?|clerks?|agents?|practitioners?|therapists?|physicians?|pharmacists?|lecturers?|professors?|fellows?|postdocs?|baristas?|chefs?|cooks?|drivers?|dispatchers?|cashiers?|waiters?|waitress|bartenders?|electricians?|plumbers?|mechanics?|carpenters?|cleaners?|receptionists?|secretar(?:y|ies)|paralegals?|lawyers?|solicitors?|attorneys?|doctors?|dentists?|surgeons?|tutors?|instructors?|trainers?|coaches|coach|photographers?|artists?|animators?|buyers?|planners?|auditors?|controllers?|economists?|statisticians?|chemists?|biologists?|physicists?|technologists?|workers?|supervisors?|foremen|foreman|carers?|caregivers?|midwives|midwife|paramedics?|pilots?|stewards?|guards?|tellers?|bookkeepers?|translators?|interpreters?|journalists?|marketers?|salespersons?|members? of staff|ingénieur\w*|développeu\w*)\b|\w*(?:entwickler|ingenieur|berater|leiter)(?:in)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex JobNoun();

    [GeneratedRegex(@"\b(?:we seek|we are seeking|we're seeking|seeking|we are looking for|we're looking for|looking for|in search of|hiring|join us as|join our team as)\s+(?:an?|the|our next)\s+(?<title>(?:\p{Lu}[\p{L}+#/&.-]*\s?){1,6})")]
    private static partial Regex TitleInSentence();

    public static bool LooksLikeTitle(string line)
    {
        var text = line.Trim();
        if (text.Length is < 3 or > MaxTitleLength || text.StartsWith(TextNormalizer.Bullet, StringComparison.Ordinal))
            return false;
        if (text[^1] is '.' or '?' or ':' or ',' or ';' or '!' || !char.IsUpper(text[0]))
            return false;
        return text.Split(' ').Length <= MaxTitleWords && JobNoun().IsMatch(text) && !BoilerplateFilter.IsBoilerplate(text)
            && !DetailLines.TryRead(text, out _, out _);
    }

    /// <summary>The capitalised job named after "we seek a", "looking for a"… when it ends in a job noun.</summary>
    public static string? FromSentence(string text)
    {
        foreach (Match match in TitleInSentence().Matches(text))
        {
            var title = match.Groups["title"].Value.Trim();
            var words = title.Split(' ');
            // Keep words up to the last job noun ("Software Engineer to provide" → "Software Engineer").
            for (var end = words.Length; end > 0; end--)
            {
                var candidate = string.Join(' ', words[..end]);
                if (JobNoun().IsMatch(words[end - 1]))
                    return candidate;
            }
            // "hiring a Barista": the phrasing names a job even when the noun is not in the list.
            if (words.Length <= MaxUnlistedTitleWords)
                return title;
        }
        return null;
    }
}

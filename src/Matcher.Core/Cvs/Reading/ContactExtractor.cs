using System.Text.RegularExpressions;

namespace Matcher.Core.Cvs.Reading;

/// <summary>Finds a CV's name, email, phone and links: the personal data that blind review hides.</summary>
public static partial class ContactExtractor
{
    private const int MinPhoneDigits = 7;
    private const int MaxPhoneDigits = 15;
    private const int MaxNameWords = 5;

    /// <param name="lines">The header and contact lines, where personal data usually sits.</param>
    /// <param name="consumed">Receives the lines that held only contact data, so they are not read as anything else.</param>
    public static ContactDetails Extract(IReadOnlyList<CvLine> lines, ISet<CvLine>? consumed = null)
    {
        string? name = null, email = null, phone = null;
        var links = new List<string>();
        foreach (var line in lines.Where(l => !l.IsBlank))
        {
            var text = line.Text;
            var emailMatch = Email().Match(text);
            if (emailMatch.Success)
                email ??= emailMatch.Value;
            var withoutEmails = Email().Replace(text, " ");
            foreach (Match link in Link().Matches(withoutEmails))
            {
                var url = link.Value.TrimEnd('.', ',', ';', ')', ']');
                if (!links.Contains(url, StringComparer.OrdinalIgnoreCase))
                    links.Add(url);
            }
            var rest = Link().Replace(withoutEmails, " ");
            if (phone is null && DateRangeParser.FindRange(rest) is null)
                phone = FindPhone(rest);

            var isContactLine = emailMatch.Success || Link().IsMatch(withoutEmails) || FindPhone(rest) is not null;
            if (isContactLine)
                consumed?.Add(line);
            else if (name is null && NameOf(text) is { } found)
            {
                name = found;
                consumed?.Add(line);
            }
        }
        return new ContactDetails { Name = name, Email = email, Phone = phone, Links = links };
    }

    private static string? FindPhone(string text)
    {
        foreach (Match m in Phone().Matches(text))
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            var grouped = m.Value.StartsWith('+') || m.Value.StartsWith('(') || m.Value.Contains(' ') || m.Value.Contains('-');
            if (digits is >= MinPhoneDigits and <= MaxPhoneDigits && grouped)
                return m.Value.Trim();
        }
        return null;
    }

    /// <summary>
    /// Words of CV headings and titles that no name is made of: a heading the section list does not know
    /// ("Executive Summary", "Curriculum Vitae") is capitalised like a name and sits where a name sits.
    /// </summary>
    private static readonly HashSet<string> HeadingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "summary", "profile", "resume", "résumé", "curriculum", "vitae", "cv", "objective", "experience", "education",
        "skills", "qualifications", "overview", "contact", "references", "professional", "career", "highlights",
        "statement", "information", "details", "history", "competencies", "achievements", "accomplishments",
    };

    /// <summary>
    /// The name on a line, without the letters after it: "Carmen Ruiz, RN" and "Ben Ode, PhD, PMP" name Carmen
    /// Ruiz and Ben Ode, whose credentials are read from the rest of the CV.
    /// </summary>
    internal static string? NameOf(string text)
    {
        text = text.Trim();
        if (LooksLikeName(text))
            return text;
        var comma = text.IndexOf(',');
        if (comma <= 0)
            return null;
        var name = text[..comma].Trim();
        var letters = text[(comma + 1)..].Split(',', StringSplitOptions.TrimEntries);
        return letters.All(l => PostNominal().IsMatch(l)) && LooksLikeName(name) ? name : null;
    }

    /// <summary>A name is a short line of capitalised words with no digits or symbols beyond hyphens and apostrophes, and no heading words.</summary>
    internal static bool LooksLikeName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= MaxNameWords
            && !words.Any(w => HeadingWords.Contains(w.Trim('.', ',', ':')))
            && NameWords().IsMatch(text.Trim())
            && words.All(w => char.IsUpper(w[0]) || w is "de" or "da" or "van" or "von" or "der" or "del" or "la" or "le" or "di" or "bin");
    }

    // Degrees, licences and memberships written after a name: RN, PhD, MBA, CPA, B.Sc., MRCP(UK), FRCS Ed.
    [GeneratedRegex(@"^(?:[A-Z][A-Za-z]{0,2}\.?){1,4}(?:\s?\((?:[A-Z]{2,4})\))?(?:\s[A-Z][a-z]{1,3}\.?)?$")]
    private static partial Regex PostNominal();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?:https?://[^\s|·•,)<>]+|www\.[^\s|·•,)<>]+|\b(?:[a-z0-9-]+\.)+(?:com|io|dev|org|net|de|es|me|ai|app|co|uk|eu|ch|at|pt|fr)/[^\s|·•,)<>]*|\b(?:[a-z0-9-]+\.)+(?:dev|io|me|app)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w])\+?\(?\d[\d\s().\-/]{5,}\d(?![\w])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^[\p{L}][\p{L}'’.\-]*(?:\s+[\p{L}][\p{L}'’.\-]*){1,4}$")]
    private static partial Regex NameWords();
}

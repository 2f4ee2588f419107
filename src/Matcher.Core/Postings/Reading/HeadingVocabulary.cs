using System.Text.RegularExpressions;

namespace Matcher.Core.Postings.Reading;

internal enum SectionKind
{
    /// <summary>Text before the first heading.</summary>
    Intro,
    /// <summary>A line that names the job; the text under it describes the role.</summary>
    Title,
    About,
    Summary,
    Description,
    Responsibilities,
    Requirements,
    Preferred,
    /// <summary>Facts such as location, period, allowance or benefits, kept as posting details.</summary>
    Details,
    Boilerplate,
    /// <summary>A list of positions in a multi-position document; its lines are read elsewhere.</summary>
    PositionList,
}

/// <summary>Recognises section headings by the words postings use for them, in any letter case.</summary>
internal static partial class HeadingVocabulary
{
    private const int MaxHeadingWords = 8;
    private const int MaxHeadingLength = 70;

    private static readonly (SectionKind Kind, Regex Pattern)[] Rules =
    [
        (SectionKind.Boilerplate, Rx(@"privacy (notice|policy|statement)|^privacy$|equal (employment )?opportunit(y|ies)( employer| statement)?$|^eeo\b|^fair chance|^(reasonable |workplace )?accommodations?$|^disclaimer$|^data protection( notice)?$|^notice to (recruiters|agencies)$|^diversity (and|&) inclusion$|^our commitment to diversity$")),
        (SectionKind.Preferred, Rx(@"^(preferred|desired|desirable|bonus|optional)( (qualifications?|skills?|requirements?|experience|knowledge|points))?$|^(nice|good)[- ]to[- ]haves?$|^(it'?s )?an? (plus|bonus|advantage)( if you have)?$|^(pluses|extra credit|ideally( you have)?|what would make you stand out|even better if you have)$")),
        (SectionKind.Responsibilities, Rx(@"^((key|main|primary|core|your|major|essential|the) )*(job )?(responsibilities|duties|tasks|accountabilities)( (and|&) (duties|responsibilities))?$|^what (you'?ll|you will) (do|be doing|work on)$|^(your role|in this role(, you will)?|day[- ]to[- ]day|a day in the life|your impact|your mission|what the job involves)$")),
        (SectionKind.Requirements, Rx(@"^((basic|minimum|required|key|essential|core|technical|job|your|additional|mandatory|must[- ]have) )*(qualifications?|requirements?|skills?|experience|profile|competencies|must[- ]haves?)( (and|&) (experience|qualifications?|skills?|education))?$|^education( (and|&) (experience|qualifications?|training))?$|^(what|who) (you'?ll need|you need|we'?re looking for|we are looking for|you are|we look for)$|^(about you|you have|you should have|you bring|what you bring|who you are)$")),
        (SectionKind.Summary, Rx(@"^(job |position |role )?(summary|overview)$|^introduction$")),
        (SectionKind.Description, Rx(@"^(job |role |position )?description$|^about (the|this) (role|job|position|opportunity)$|^the (role|opportunity|position|job)$|^job details$")),
        (SectionKind.About, Rx(@"^about (us|the (company|team|employer|organi[sz]ation)|our (company|team|organi[sz]ation))$|^why .{1,40}\?$|^why (join|work)\b|^who we are$|^our (company|mission|story|culture|team|values)$|^company (description|overview|profile)$|^life at\b")),
        // "About Acme", "About Sony Interactive": a capitalised name, so "About 5 years of…" is not a heading.
        (SectionKind.About, new(@"^About (\p{Lu}[\p{L}\p{N}&.'’-]*)( (of |&|\p{Lu})[\p{L}\p{N}&.'’-]*){0,4}$", RegexOptions.CultureInvariant | RegexOptions.Compiled)),
        // German and French headings, so postings in those languages are split the same way.
        (SectionKind.Responsibilities, Rx(@"^(ihre|deine|unsere)? ?(aufgaben|tätigkeiten|verantwortlichkeiten)$|^das erwartet (sie|dich)$|^(vos |tes )?(missions|responsabilités)( principales)?$")),
        (SectionKind.Preferred, Rx(@"^(wünschenswert|von vorteil|nice to have|pluspunkte|idéalement|atouts?|serait un plus)$")),
        (SectionKind.Requirements, Rx(@"^(ihr|dein) profil$|^(anforderungen|qualifikationen|voraussetzungen|das bringen (sie|du) mit)$|^(votre |ton )?profil( recherché)?$|^(compétences|qualifications|prérequis)( requises)?$")),
        (SectionKind.About, Rx(@"^über uns$|^wer wir sind$|^(à propos|qui sommes-nous)")),
        (SectionKind.Details, Rx(@"^(wir bieten|das bieten wir|standort|arbeitsort|lieu|avantages|nous offrons)$")),
        (SectionKind.PositionList, Rx(@"^(open |available )?(positions|roles|vacancies|openings)$")),
        (SectionKind.Details, Rx(@"^((working|work|job) )?location$|^((internship|contract|employment|work(ing)?) )?(period|duration|dates|hours|schedule)$|^allowance( (and|&) benefits?)?$|^(benefits|perks|what we offer|compensation|salary|pay|pay range)( (and|&) (benefits|perks))?$|^selection process$|^(how to apply|application process|application deadline|deadline|start date|eligibility)$")),
    ];

    /// <summary>The kind of section a heading opens, or null when the line is not a heading.</summary>
    public static SectionKind? Classify(string line)
    {
        var text = Clean(line);
        if (text.Length is 0 or > MaxHeadingLength || line.StartsWith(TextNormalizer.Bullet, StringComparison.Ordinal))
            return null;
        if (text.Split(' ').Length > MaxHeadingWords || EndsLikeSentence(text))
            return null;
        foreach (var (kind, pattern) in Rules)
            if (pattern.IsMatch(text))
                return kind;
        return null;
    }

    /// <summary>The heading without a trailing colon, question mark or extra space.</summary>
    public static string Clean(string line) => line.Trim().TrimEnd(':', '：').Trim();

    private static bool EndsLikeSentence(string text) =>
        text.EndsWith('.') || text.EndsWith(',') || text.EndsWith(';');

    private static Regex Rx(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}

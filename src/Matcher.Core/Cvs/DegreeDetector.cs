using System.Text.RegularExpressions;
using Matcher.Core.Postings;

namespace Matcher.Core.Cvs;

/// <summary>Recognises degree names and abbreviations and the level they stand for.</summary>
public static partial class DegreeDetector
{
    /// <summary>The degree phrase in the text and its level, or null when the text names no degree.</summary>
    public static (DegreeLevel Level, Match Match)? Find(string text)
    {
        (DegreeLevel, Regex)[] patterns = [(DegreeLevel.PhD, PhD()), (DegreeLevel.Master, Master()), (DegreeLevel.Bachelor, Bachelor()), (DegreeLevel.Associate, Associate())];
        foreach (var (level, regex) in patterns)
        {
            var m = regex.Match(text);
            if (m.Success)
                return (level, m);
        }
        return null;
    }

    public static DegreeLevel? Level(string? text) => text is null ? null : Find(text)?.Level;

    // Abbreviations are matched case-sensitively ("BA", "M.S."), words in any case ("master", "Bachelor's").
    // "MS" before a Microsoft product ("MS Office") and "MA" after a comma (a state: "Boston, MA") are not degrees.
    [GeneratedRegex(@"(?<![\w.])(?:(?i:ph\.?\s?d|d\.?\s?phil|doctor(?:ate)?(?:\s+of\s+philosophy)?|doktor(?:at)?|promotion|doctorado)|Dr\.(?:\s?(?:rer|phil|med|ing)\.(?:\s?nat\.)?)?)(?![\w])")]
    private static partial Regex PhD();

    [GeneratedRegex(@"(?<![\w.])(?:(?i:master(?:'s|’s|s)?(?:\s+(?:of|in)\s+(?:science|arts|engineering|business administration|fine arts))?|máster|magister|diplom(?:-\w+)?|mba)|M\.\s?Sc\.?|MSc|M\.S\.|MS(?!\s+(?:Office|Excel|Word|PowerPoint|Outlook|Access|Project|Teams|SQL|Azure|Dynamics|Windows|Visio|SharePoint)\b)|M\.A\.|(?<!,\s?)MA|MSN|M\.?Eng\.?|M\.?Ed\.?|M\.?Phil\.?|LL\.?M\.?)(?![\w])")]
    private static partial Regex Master();

    [GeneratedRegex(@"(?<![\w.])(?:(?i:bachelor(?:'s|’s|s)?(?:\s+(?:of|in)\s+(?:science|arts|engineering|fine arts|business administration|technology))?|licenciatura|licenciado|grado|licence|bakkalaureus)|B\.\s?Sc\.?|BSc|B\.S\.|BS|B\.A\.|BA|BFA|BSN|BScN|B\.?Eng\.?|B\.?Tech\.?|B\.?Com\.?)(?![\w])")]
    private static partial Regex Bachelor();

    [GeneratedRegex(@"(?<![\w.])(?:(?i:associate(?:'s|’s)?\s+(?:degree|of\s+\w+))|A\.A\.S?\.?|A\.S\.|AAS)(?![\w])")]
    private static partial Regex Associate();
}

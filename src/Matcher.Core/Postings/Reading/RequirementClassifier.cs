using System.Text.RegularExpressions;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Decides a requirement's kind (required or preferred) and category (skill, experience, education,
/// language, soft skill, other) from its wording. Rules are keyword lists so they hold for any posting.
/// </summary>
internal static partial class RequirementClassifier
{
    // "Portuguese is a plus": a short item naming a language is about that language.
    private const int MaxWordsForBareLanguage = 5;

    // "a plus", "nice to have", "desirable"… anywhere; "preferred" only where it qualifies the whole item,
    // so "5 years with MS preferred or 3 years with PhD" stays required.
    [GeneratedRegex(@"\b(desirable|nice[- ]to[- ]have|is an? (plus|bonus|advantage)|an? (big |huge |definite |added )?(plus|bonus)\b|advantageous|would be an? (plus|advantage|bonus)|bonus points|ideally)\b|\b(is|are|strongly)\s+preferred\b|\bpreferred\s*[.!)]?\s*$|\bpreferred\s*:|\(preferred\)|^preferred\b|^prefer\b|^(optional|nice)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PreferredWording();

    [GeneratedRegex(@"\b(english|japanese|german|french|spanish|mandarin|chinese|cantonese|korean|italian|portuguese|dutch|arabic|hindi|russian|polish|swedish|norwegian|danish|finnish|turkish|vietnamese|thai|bilingual|multilingual|deutsch\w*|englisch\w*|anglais|français|allemand)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NaturalLanguage();

    [GeneratedRegex(@"\b(fluen(t|cy)|native|proficien(t|cy)|spoken|written|speak|business[- ]level|level|jlpt|toeic|toefl|ielts|cefr|[abc][12])\b", RegexOptions.IgnoreCase)]
    private static partial Regex LanguageLevel();

    [GeneratedRegex(@"\b(communicat\w*|team ?work\w*|team player|collaborat\w*|interpersonal|leadership|self[- ]starter|self[- ]motivated|motivated|attention to detail|detail[- ]oriented|passion\w*|dedicat\w*|driven|curiosity|curious|ownership|adaptab\w*|flexib\w*|organi[sz]ed|problem[- ]solv\w*|work independently|initiative|empathy|creativ\w*|learn fast|fast learner|ambiguity|presentation skills|stakeholder)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SoftSkill();

    [GeneratedRegex(@"\b(programming|coding|software|languages? such as|python|java|javascript|typescript|c\+\+|c#|\.net|sql|matlab|scala|golang|rust|kotlin|swift|frameworks?|libraries|tensorflow|pytorch|keras|torch|caffe|scikit|spark|hadoop|kubernetes|docker|aws|azure|gcp|cloud|linux|api|databases?|algorithms?|machine learning|deep learning|\bml\b|\bai\b|computer vision|nlp|natural language processing|statistics|mathematic\w*|linear algebra|optimi[sz]ation|data analysis|modell?ing|design patterns|architecture|debugging|testing|devops|unreal|unity|excel|tools?|proficien\w*|skilled in|skills? in|knowledge of|knowledge and experience|understanding of|familiar\w*|expertise in|hands-on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TechnicalSkill();

    [GeneratedRegex(@"^(\w+\s+){0,3}(experience|track record|exposure|background|history)\b|\b(years? of|professional experience|industry experience|work experience|experience (in|with|of|contributing|developing|building|working|using|programming|collaborating))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExperienceWording();

    [GeneratedRegex(@"^(\w+[ ,]+){0,2}(experience|track record|exposure)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWithExperience();

    public static RequirementKind Kind(string text, bool inPreferredSection) =>
        inPreferredSection || PreferredWording().IsMatch(text) ? RequirementKind.Preferred : RequirementKind.Required;

    public static RequirementCategory Category(string text, double? minYears, DegreeLevel? degree)
    {
        if (minYears is not null)
            return RequirementCategory.Experience;
        if (degree is not null)
            return RequirementCategory.Education;
        if (NaturalLanguage().IsMatch(text) && (LanguageLevel().IsMatch(text) || text.Split(' ').Length <= MaxWordsForBareLanguage))
            return RequirementCategory.Language;
        if (StartsWithExperience().IsMatch(text))
            return RequirementCategory.Experience;
        var technical = TechnicalSkill().IsMatch(text);
        if (SoftSkill().IsMatch(text) && (!technical || StartsWithSoftSkill(text)))
            return RequirementCategory.SoftSkill;
        if (ExperienceWording().IsMatch(text) && !StartsWithSkillWording(text))
            return RequirementCategory.Experience;
        if (technical)
            return RequirementCategory.Skill;
        return RequirementCategory.Other;
    }

    private static bool StartsWithSoftSkill(string text) =>
        SoftSkill().Match(text) is { Success: true } soft && soft.Index < 25
        && (TechnicalSkill().Match(text) is not { Success: true } tech || tech.Index > soft.Index);

    private static bool StartsWithSkillWording(string text) =>
        TechnicalSkill().Match(text) is { Success: true } tech
        && ExperienceWording().Match(text) is { Success: true } experience && tech.Index < experience.Index;
}

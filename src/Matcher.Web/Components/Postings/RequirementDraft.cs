using Matcher.Core.Postings;

namespace Matcher.Web.Components.Postings;

/// <summary>A requirement while it is being edited; keeps the original so facts the editor does not show survive.</summary>
public sealed class RequirementDraft
{
    public Requirement? Original { get; private init; }
    public string Text { get; set; } = "";
    public RequirementKind Kind { get; set; } = RequirementKind.Required;
    public RequirementCategory Category { get; set; } = RequirementCategory.Skill;
    public double Weight { get; set; } = 1.0;

    public static RequirementDraft From(Requirement requirement) => new()
    {
        Original = requirement,
        Text = requirement.Text,
        Kind = requirement.Kind,
        Category = requirement.Category,
        Weight = requirement.Weight,
    };

    public RequirementDraft Copy() => new() { Original = Original, Text = Text, Kind = Kind, Category = Category, Weight = Weight };

    public void CopyFrom(RequirementDraft other)
    {
        Text = other.Text;
        Kind = other.Kind;
        Category = other.Category;
        Weight = other.Weight;
    }

    /// <summary>New requirements carry an empty key; the library gives them the next free one.</summary>
    public Requirement ToRequirement() =>
        (Original ?? new Requirement { Id = "", Text = "" }) with { Text = Text.Trim(), Kind = Kind, Category = Category, Weight = Weight };

    /// <summary>The structured checks the reader found in the original text, which an edit of the text keeps.</summary>
    public static IEnumerable<string> Facts(RequirementDraft draft)
    {
        if (draft.Original?.MinYears is { } years)
            yield return $"at least {years:0.#} years";
        if (draft.Original?.Degree is { } degree and not DegreeLevel.None)
            yield return draft.Original.EquivalentExperienceAccepted ? $"{degree} or equivalent" : $"{degree} degree";
    }

    public static string Label(RequirementCategory category) => category switch
    {
        RequirementCategory.SoftSkill => "Soft skill",
        _ => category.ToString(),
    };
}

using System.Globalization;
using Matcher.Core.Documents;
using Matcher.Core.Postings;

namespace Matcher.Web.Services.Postings;

/// <summary>
/// The rules an edited requirement list must follow before it is saved: text present, weight in range,
/// keys kept for requirements that already exist and fresh "rN" keys for new ones.
/// </summary>
public static class RequirementEdits
{
    public const double MinWeight = 0;
    public const double MaxWeight = 5;

    /// <summary>Null when the requirement can be saved, else what to fix.</summary>
    public static string? Problem(string? text, double weight)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "Enter the requirement's text, or delete the requirement.";
        if (!double.IsFinite(weight) || weight < MinWeight || weight > MaxWeight)
            return $"Weight must be between {MinWeight:0} and {MaxWeight:0}.";
        return null;
    }

    /// <summary>
    /// Validates the list and gives every requirement a key. Existing keys are kept so saved reports and
    /// overrides still point at the same requirement; a missing, unknown or repeated key gets the next free "rN".
    /// </summary>
    public static IReadOnlyList<Requirement> Normalise(IReadOnlyList<Requirement> requirements, IReadOnlyCollection<string> existingKeys)
    {
        for (var i = 0; i < requirements.Count; i++)
            if (Problem(requirements[i].Text, requirements[i].Weight) is { } problem)
                throw new InputException($"Requirement {i + 1}: {problem}");

        var next = existingKeys.Concat(requirements.Select(r => r.Id)).Select(Number).DefaultIfEmpty(0).Max() + 1;
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Requirement>(requirements.Count);
        foreach (var requirement in requirements)
        {
            var key = requirement.Id;
            if (string.IsNullOrWhiteSpace(key) || !existingKeys.Contains(key) || !used.Add(key))
            {
                key = $"r{next++}";
                used.Add(key);
            }
            result.Add(requirement with { Id = key, Text = requirement.Text.Trim() });
        }
        return result;
    }

    private static int Number(string? key) =>
        key is ['r', .. var digits] && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

using Matcher.Core.Documents;

namespace Matcher.Web.Services.Naming;

/// <summary>The rules for names people give postings and sessions.</summary>
public static class Titles
{
    /// <summary>The longest name kept; longer ones are refused rather than cut.</summary>
    public const int MaxLength = 200;

    /// <summary>Folds white space (a pasted line break included) and refuses an empty or overlong name.</summary>
    public static string Clean(string? title, string whenEmpty)
    {
        var name = string.Join(' ', (title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0)
            throw new InputException(whenEmpty);
        if (name.Length > MaxLength)
            throw new InputException($"That name is {name.Length} characters long; keep it to {MaxLength}.");
        return name;
    }
}

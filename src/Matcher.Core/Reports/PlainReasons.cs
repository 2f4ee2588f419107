using System.Text.RegularExpressions;
using Matcher.Core.Matching;

namespace Matcher.Core.Reports;

/// <summary>
/// A requirement's reason in plain words for the people reading a report: no similarity figures, and the
/// skills the posting names spelled as people write them ("FEA (finite element analysis)", not "fea").
/// Reports saved earlier read the same way, since the wording is made when the report is shown.
/// </summary>
public static partial class PlainReasons
{
    private static readonly Dictionary<string, string> Spelled = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fea"] = "FEA (finite element analysis)",
        ["etl"] = "ETL (data pipelines)",
        ["nlp"] = "NLP (natural language processing)",
        ["crm"] = "CRM (customer relationship software)",
        ["cad"] = "CAD",
        ["bls"] = "BLS (basic life support)",
        ["acls"] = "ACLS (advanced cardiovascular life support)",
        ["gd&t"] = "GD&T (geometric dimensioning and tolerancing)",
        ["ci/cd"] = "CI/CD",
        ["aws"] = "AWS",
        ["gcp"] = "Google Cloud",
        ["sql"] = "SQL",
        ["html"] = "HTML",
        ["css"] = "CSS",
        ["php"] = "PHP",
        ["phd"] = "a PhD",
        [".net"] = ".NET",
        ["c#"] = "C#",
        ["c++"] = "C++",
        ["r"] = "R",
        ["c"] = "C",
        ["go"] = "Go",
        ["jax"] = "JAX",
    };

    /// <summary>The reason of one requirement row, in plain words.</summary>
    public static string For(RequirementResult result)
    {
        var clauses = result.Reason.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => Clause(c, result))
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (clauses.Count == 0)
            clauses.Add(Closeness(result));
        return Capitalise(string.Join("; ", clauses.Select((c, i) => i == 0 ? c : Lower(c))));
    }

    /// <summary>What the closest lines of the CV say about a requirement, by its status.</summary>
    public static string Closeness(RequirementResult result) => result.Status switch
    {
        MatchStatus.Met => "A line of the CV says this in other words",
        MatchStatus.Partial => "Some lines come close, but none shows it clearly",
        _ when result.Evidence.Count > 0 => "No line clearly shows this; the closest lines are shown",
        _ => "No line of the CV speaks to this",
    };

    /// <summary>A skill or field as people write it.</summary>
    public static string Name(string concept) => Spelled.TryGetValue(concept, out var spelled) ? spelled : concept;

    private static string Clause(string clause, RequirementResult result)
    {
        if (SimilarClause().IsMatch(clause) || clause.Equals("no line of the CV speaks to this", StringComparison.OrdinalIgnoreCase))
            return Closeness(result);
        if (NotFoundClause().Match(clause) is { Success: true } missing)
            return $"the CV does not name {List(missing.Groups[1].Value, "or")}";
        if (NamesClause().Match(clause) is { Success: true } named)
            return $"the CV names {List(named.Groups[1].Value, "and")}";
        return clause;
    }

    private static string List(string names, string conjunction)
    {
        var items = names.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Name).ToList();
        return items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items[..^1])} {conjunction} {items[^1]}";
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // Only the engine's own lead-ins are lowered; a clause starting with a name ("CV", "AWS") keeps its capitals.
    private static string Lower(string text) =>
        text.StartsWith("No line", StringComparison.Ordinal) || text.StartsWith("Some lines", StringComparison.Ordinal) || text.StartsWith("A line", StringComparison.Ordinal)
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;

    [GeneratedRegex(@"^closest CV line is [0-9.]+ similar$", RegexOptions.IgnoreCase)]
    private static partial Regex SimilarClause();

    [GeneratedRegex(@"^not found: (.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotFoundClause();

    [GeneratedRegex(@"^CV names (.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex NamesClause();
}

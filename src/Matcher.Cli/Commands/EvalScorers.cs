using Matcher.Core.Documents;
using Matcher.Core.Evaluation;

namespace Matcher.Cli.Commands;

/// <summary>
/// The scorers <c>matcher eval</c> can measure. Each entry builds a scoring function for a label set;
/// adding a scorer is one line here.
/// </summary>
internal static class EvalScorers
{
    public const string Engine = "engine";

    public delegate Task<Func<string, string, int, CancellationToken, Task<double>>> Factory(LabelSet labels, CancellationToken cancellationToken);

    private static readonly Dictionary<string, Factory> Available = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tfidf"] = (labels, _) => Task.FromResult(TfIdf(labels)),
    };

    /// <summary>Scorers that are part of the product but not wired into evaluation in this build.</summary>
    private static readonly HashSet<string> NotYetAvailable = new(StringComparer.OrdinalIgnoreCase) { Engine, "embedding" };

    public static IEnumerable<string> Names => Available.Keys.Concat(NotYetAvailable).Order(StringComparer.Ordinal);

    /// <summary>The factory for a scorer name; fails with a message that says what to use instead.</summary>
    public static Factory Resolve(string name)
    {
        if (Available.TryGetValue(name, out var factory))
            return factory;
        if (NotYetAvailable.Contains(name))
            throw new ScorerUnavailableException(
                $"The '{name}' scorer is not available for evaluation yet. Available now: {string.Join(", ", Available.Keys)} (use --baseline {Available.Keys.First()}).");
        throw new InputException($"Unknown scorer '{name}'. Choose one of: {string.Join(", ", Names)}.");
    }

    private static Func<string, string, int, CancellationToken, Task<double>> TfIdf(LabelSet labels)
    {
        var scorer = new TfIdfScorer(labels.Documents);
        return (cv, posting, _, _) => Task.FromResult(scorer.Score(cv, posting));
    }
}

/// <summary>A scorer that exists in the product but cannot be evaluated in this build; exit code 1, not bad input.</summary>
internal sealed class ScorerUnavailableException(string message) : Exception(message);

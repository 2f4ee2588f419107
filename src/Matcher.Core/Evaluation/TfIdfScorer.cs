using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Matcher.Core.Evaluation;

/// <summary>
/// Bag-of-words cosine similarity with sublinear term frequency and smoothed inverse document frequency
/// learnt from the documents of one run. It is the floor any real scorer should beat: it sees shared words, not meaning.
/// </summary>
public sealed partial class TfIdfScorer
{
    private readonly Dictionary<string, double> idf;
    private readonly double unseenIdf;
    private readonly ConcurrentDictionary<string, Dictionary<string, double>> vectors = new(StringComparer.Ordinal);

    public TfIdfScorer(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var document in documents)
        {
            count++;
            foreach (var term in Tokenize(document).Distinct(StringComparer.Ordinal))
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }
        // Smoothed as if one extra document held every term, so no weight is zero or infinite.
        idf = documentFrequency.ToDictionary(p => p.Key, p => Idf(count, p.Value), StringComparer.Ordinal);
        unseenIdf = Idf(count, 0);
    }

    /// <summary>Cosine similarity of the two texts' TF-IDF vectors, 0–1.</summary>
    public double Score(string a, string b)
    {
        var va = Vector(a);
        var vb = Vector(b);
        var (small, large) = va.Count <= vb.Count ? (va, vb) : (vb, va);
        double dot = 0;
        foreach (var (term, weight) in small)
            if (large.TryGetValue(term, out var other))
                dot += weight * other;
        return dot;
    }

    /// <summary>Lower-cased word tokens of two or more characters, stop words removed; keeps "c++" and "c#" whole.</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match match in WordPattern().Matches(text.ToLowerInvariant()))
        {
            var token = match.Value;
            if (token.Length >= 2 && !StopWords.English.Contains(token))
                yield return token;
        }
    }

    private static double Idf(int documents, int frequency) => Math.Log((1.0 + documents) / (1.0 + frequency)) + 1.0;

    /// <summary>L2-normalised, so the dot product of two vectors is their cosine.</summary>
    private Dictionary<string, double> Vector(string text) => vectors.GetOrAdd(text, t =>
    {
        var weights = Tokenize(t)
            .GroupBy(term => term, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (1.0 + Math.Log(g.Count())) * idf.GetValueOrDefault(g.Key, unseenIdf), StringComparer.Ordinal);
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        if (norm > 0)
            foreach (var term in weights.Keys.ToList())
                weights[term] /= norm;
        return weights;
    });

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}+#]*")]
    private static partial Regex WordPattern();
}

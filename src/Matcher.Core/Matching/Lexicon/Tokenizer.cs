using System.Text.RegularExpressions;

namespace Matcher.Core.Matching.Lexicon;

/// <summary>Lower-cased word tokens that keep programming names whole ("c++", "c#", ".net", "node.js").</summary>
public static partial class Tokenizer
{
    [GeneratedRegex(@"\.?[a-z0-9][a-z0-9+#]*(?:[.'&][a-z0-9+#]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (Match match in TokenPattern().Matches(text.ToLowerInvariant()))
            tokens.Add(match.Value.EndsWith("'s", StringComparison.Ordinal) ? match.Value[..^2] : match.Value);
        return tokens;
    }

    /// <summary>A light stem so "models", "modeling" and "modelled" meet; not a linguistic stemmer.</summary>
    public static string Stem(string token)
    {
        if (token.Length > 5 && token.EndsWith("ies", StringComparison.Ordinal)) return token[..^3] + "y";
        if (token.Length > 6 && token.EndsWith("ing", StringComparison.Ordinal)) return token[..^3];
        if (token.Length > 5 && token.EndsWith("ed", StringComparison.Ordinal)) return token[..^2];
        if (token.Length > 4 && token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal)) return token[..^1];
        return token;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Matcher.Core.Embeddings;

/// <summary>
/// The text actually embedded and its cache key. Lines that differ only in spacing or Unicode
/// composition are the same line to a reader, so they share one vector.
/// </summary>
public static class EmbeddingText
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var c in composed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Lower-case hex SHA-256 of the normalised text. Queries get their own key because retrieval
    /// models embed a query and a document of the same words differently.
    /// </summary>
    public static string Sha256(string normalizedText, bool isQuery)
    {
        var payload = isQuery ? "query\u001f" + normalizedText : normalizedText;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
    }
}

using Microsoft.Extensions.AI;

namespace Matcher.Core.Embeddings;

/// <summary>
/// Retrieval models embed a search query differently from the passage it should find (arctic-embed
/// prepends an instruction to queries). Requirement texts are the queries; CV lines are the documents.
/// Callers mark queries with <c>AdditionalProperties["input_type"] = "query"</c>; anything else is a document.
/// Symmetric models (all-MiniLM-L6-v2, hosted OpenAI models) ignore the marker.
/// </summary>
public static class EmbeddingInputType
{
    public const string PropertyName = "input_type";
    public const string Query = "query";
    public const string Document = "document";

    /// <summary>Options that mark every input of the call as a query.</summary>
    public static EmbeddingGenerationOptions ForQueries(EmbeddingGenerationOptions? options = null)
    {
        var result = options?.Clone() ?? new EmbeddingGenerationOptions();
        result.AdditionalProperties ??= [];
        result.AdditionalProperties[PropertyName] = Query;
        return result;
    }

    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true
        && string.Equals(value?.ToString(), Query, StringComparison.OrdinalIgnoreCase);
}

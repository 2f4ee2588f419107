namespace Matcher.Core.Embeddings;

/// <summary>Which model produces the vectors, for receipts and cache keys.</summary>
public interface IEmbeddingModelInfo
{
    /// <summary>Stable id, e.g. <c>local/all-MiniLM-L6-v2</c> or <c>openai/text-embedding-3-small</c>.</summary>
    string ModelId { get; }

    /// <summary>Vector length when known before the first call; hosted models may leave it unset.</summary>
    int? Dimensions { get; }
}

public sealed record EmbeddingModelInfo(string ModelId, int? Dimensions) : IEmbeddingModelInfo;

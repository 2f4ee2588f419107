namespace Matcher.Core.Embeddings;

/// <summary>One stored vector, addressed by the SHA-256 of its normalised text.</summary>
public sealed record CachedEmbedding(string TextSha256, ReadOnlyMemory<float> Vector);

/// <summary>
/// Vectors already computed, keyed by (model id, text hash) so that vectors of different models
/// never mix and a line shared by many CVs or postings is embedded once.
/// </summary>
public interface IEmbeddingCache
{
    /// <summary>The vectors found for <paramref name="textSha256s"/>; missing hashes are simply absent.</summary>
    Task<IReadOnlyDictionary<string, ReadOnlyMemory<float>>> GetManyAsync(
        string modelId, IReadOnlyCollection<string> textSha256s, CancellationToken cancellationToken = default);

    /// <summary>Stores all entries or none. Entries already present are left as they are.</summary>
    Task PutManyAsync(string modelId, IReadOnlyCollection<CachedEmbedding> entries, CancellationToken cancellationToken = default);
}

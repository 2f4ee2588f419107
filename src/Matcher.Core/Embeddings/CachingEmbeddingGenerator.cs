using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Core.Embeddings;

/// <summary>
/// Serves vectors from <see cref="IEmbeddingCache"/> and embeds only what is missing, in one call to
/// the inner generator, then stores the new vectors in one atomic write. Texts are normalised first
/// (trimmed, whitespace collapsed), so a line repeated across CVs and postings is embedded once.
/// A failing or cancelled inner call stores nothing.
/// </summary>
public sealed class CachingEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> innerGenerator,
    IEmbeddingCache cache,
    string modelId,
    ILogger<CachingEmbeddingGenerator>? logger = null)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(innerGenerator)
{
    private readonly ILogger _logger = logger ?? NullLogger<CachingEmbeddingGenerator>.Instance;

    public string ModelId { get; } = modelId;

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var isQuery = EmbeddingInputType.IsQuery(options);
        var texts = values.Select(EmbeddingText.Normalize).ToArray();
        var keys = texts.Select(t => EmbeddingText.Sha256(t, isQuery)).ToArray();

        var distinctKeys = keys.Distinct(StringComparer.Ordinal).ToArray();
        var found = distinctKeys.Length == 0
            ? new Dictionary<string, ReadOnlyMemory<float>>()
            : new Dictionary<string, ReadOnlyMemory<float>>(await cache.GetManyAsync(ModelId, distinctKeys, cancellationToken), StringComparer.Ordinal);

        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Length; i++)
            if (!found.ContainsKey(keys[i]))
                missing.TryAdd(keys[i], texts[i]);

        UsageDetails? usage = null;
        if (missing.Count > 0)
        {
            var generated = await base.GenerateAsync(missing.Values, options, cancellationToken);
            if (generated.Count != missing.Count)
                throw new EmbeddingException(EmbeddingFailure.BadResponse,
                    $"The embedding provider returned {generated.Count} vectors for {missing.Count} texts. Try again; if it persists, choose another model.");
            usage = generated.Usage;

            var fresh = missing.Keys.Zip(generated, (key, embedding) => new CachedEmbedding(key, embedding.Vector)).ToArray();
            // Not cancellable: once the provider has been paid for the vectors, keep them.
            await cache.PutManyAsync(ModelId, fresh, CancellationToken.None);
            foreach (var entry in fresh)
                found[entry.TextSha256] = entry.Vector;
        }

        _logger.LogDebug("Embedded {Texts} texts with {Model}: {Hits} from cache, {Misses} computed",
            texts.Length, ModelId, distinctKeys.Length - missing.Count, missing.Count);

        var now = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length) { Usage = usage };
        foreach (var key in keys)
            result.Add(new Embedding<float>(found[key]) { ModelId = ModelId, CreatedAt = now });
        return result;
    }
}

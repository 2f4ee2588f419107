using Matcher.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace Matcher.Embeddings.Tests;

/// <summary>
/// A small real embedding model for cache tests: feature hashing of lower-cased words into a unit
/// vector. Deterministic, instant, and different per <paramref name="seed"/> so two "models" never agree.
/// </summary>
internal sealed class HashingEmbeddingGenerator(int seed = 0, int dimensions = 64) : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vector = new float[dimensions];
            foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var hash = Fnv1a(word, seed);
                vector[hash % dimensions] += (hash & 0x8000_0000) == 0 ? 1 : -1;
            }
            var norm = MathF.Max(System.Numerics.Tensors.TensorPrimitives.Norm(vector), 1e-12f);
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
            result.Add(new Embedding<float>(vector));
        }
        return Task.FromResult(result);
    }

    private static uint Fnv1a(string word, int seed)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in word)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}

/// <summary>Counts what reaches the wrapped generator, to prove what the cache spared it.</summary>
internal sealed class CountingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public int Calls { get; private set; }
    public List<string> Texts { get; } = [];

    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        Calls++;
        Texts.AddRange(list);
        return base.GenerateAsync(list, options, cancellationToken);
    }
}

/// <summary>A provider that is down: every call fails the way a hosted API failing after retries does.</summary>
internal sealed class FailingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        throw EmbeddingException.ServerError("The embedding server", 503);

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}

/// <summary>A process-local cache, for composition tests that need a cache but not a database.</summary>
internal sealed class InMemoryEmbeddingCache : IEmbeddingCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), ReadOnlyMemory<float>> _rows = new();

    public IEnumerable<string> ModelIds => _rows.Keys.Select(k => k.Item1).Distinct();

    public Task<IReadOnlyDictionary<string, ReadOnlyMemory<float>>> GetManyAsync(
        string modelId, IReadOnlyCollection<string> textSha256s, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, ReadOnlyMemory<float>> found = textSha256s
            .Where(h => _rows.ContainsKey((modelId, h)))
            .Distinct()
            .ToDictionary(h => h, h => _rows[(modelId, h)]);
        return Task.FromResult(found);
    }

    public Task PutManyAsync(string modelId, IReadOnlyCollection<CachedEmbedding> entries, CancellationToken cancellationToken = default)
    {
        foreach (var entry in entries)
            _rows.TryAdd((modelId, entry.TextSha256), entry.Vector);
        return Task.CompletedTask;
    }
}

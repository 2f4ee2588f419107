using Microsoft.Extensions.AI;

namespace Matcher.Web.Tests.Services;

/// <summary>
/// Bag-of-words vectors from hashed lower-case words: texts that share words are similar. Enough to run the
/// real engine in tests without the local model.
/// </summary>
public sealed class HashingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 256;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Embed(v)))));

    private static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split([' ', ',', '.', '-', '(', ')', '+'], StringSplitOptions.RemoveEmptyEntries))
            vector[(int)((uint)StringComparer.Ordinal.GetHashCode(word) % Dimensions)] += 1;
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return norm == 0 ? vector : vector.Select(x => x / norm).ToArray();
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }
}

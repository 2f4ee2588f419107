using Microsoft.Extensions.AI;

namespace Matcher.Core.Embeddings;

/// <summary>
/// Sends texts to the model one batch of <c>batchSize</c> at a time, each batch in its own <see cref="ModelTurns"/>
/// turn, so a person's match waits for at most one batch of a large ranking rather than for all of it.
/// Calls made inside <see cref="ModelTurns.AsBackground"/> take background turns.
/// </summary>
public sealed class TurnTakingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> innerGenerator, ModelTurns turns, int batchSize)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(innerGenerator)
{
    private readonly int _batchSize = batchSize >= 1 ? batchSize : throw new ArgumentOutOfRangeException(nameof(batchSize));

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var background = ModelTurns.IsBackground;
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var chunk in values.Chunk(_batchSize))
        {
            GeneratedEmbeddings<Embedding<float>> generated;
            using (await turns.TakeAsync(background, cancellationToken))
                generated = await base.GenerateAsync(chunk, options, cancellationToken);
            result.AddRange(generated);
            if (generated.Usage is { } usage)
            {
                result.Usage ??= new UsageDetails();
                result.Usage.Add(usage);
            }
        }
        return result;
    }
}

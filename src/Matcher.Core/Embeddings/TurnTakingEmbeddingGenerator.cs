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
        var texts = values as IList<string> ?? values.ToList();
        var background = ModelTurns.IsBackground;
        // Turns are cut from the texts in order of length, not of the call: a ranking's call holds the lines of many
        // CVs, and a turn of similar lengths is one the model pads little, as it would have sorted them itself.
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var vectors = new Embedding<float>[texts.Count];
        UsageDetails? usage = null;
        foreach (var chunk in byLength.Chunk(_batchSize))
        {
            GeneratedEmbeddings<Embedding<float>> generated;
            using (await turns.TakeAsync(background, cancellationToken))
                generated = await base.GenerateAsync(chunk.Select(i => texts[i]).ToList(), options, cancellationToken);
            if (generated.Count != chunk.Length)
                throw new InvalidOperationException($"The embedding model returned {generated.Count} vectors for {chunk.Length} texts.");
            for (var k = 0; k < chunk.Length; k++)
                vectors[chunk[k]] = generated[k];
            if (generated.Usage is { } used)
                (usage ??= new UsageDetails()).Add(used);
        }
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors) { Usage = usage };
        return result;
    }
}

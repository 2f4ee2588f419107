using System.Numerics.Tensors;

namespace Matcher.Embeddings.Onnx;

/// <summary>Turns one sequence's token vectors into a unit-length sentence vector.</summary>
internal static class Pooling
{
    /// <param name="hidden">Token vectors of one sequence, <c>sequenceLength × dimensions</c>.</param>
    /// <param name="tokenCount">Real (unpadded) tokens at the start of the sequence.</param>
    public static void Pool(PoolingStrategy strategy, ReadOnlySpan<float> hidden, int tokenCount, int dimensions, Span<float> destination)
    {
        switch (strategy)
        {
            case PoolingStrategy.Cls:
                hidden[..dimensions].CopyTo(destination);
                break;
            case PoolingStrategy.Mean:
                // Padding sits after the real tokens, so the attention mask is a prefix of ones.
                destination.Clear();
                for (var t = 0; t < tokenCount; t++)
                    TensorPrimitives.Add(destination, hidden.Slice(t * dimensions, dimensions), destination);
                TensorPrimitives.Multiply(destination, 1f / Math.Max(tokenCount, 1), destination);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null);
        }
        Normalize(destination);
    }

    /// <summary>Scales to unit length; the 1e-12 floor matches sentence-transformers for an all-zero vector.</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = MathF.Max(TensorPrimitives.Norm(vector), 1e-12f);
        TensorPrimitives.Multiply(vector, 1f / norm, vector);
    }
}

using System.Numerics.Tensors;

namespace Matcher.Embeddings.Tests;

internal static class VectorMath
{
    public static float Cosine(ReadOnlyMemory<float> a, ReadOnlyMemory<float> b) => TensorPrimitives.CosineSimilarity(a.Span, b.Span);

    public static float Norm(ReadOnlyMemory<float> v) => TensorPrimitives.Norm(v.Span);

    public static float MaxAbsDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.Equal(a.Length, b.Length);
        var max = 0f;
        for (var i = 0; i < a.Length; i++)
            max = MathF.Max(max, MathF.Abs(a[i] - b[i]));
        return max;
    }

    public static float[] NormalizedMean(IEnumerable<ReadOnlyMemory<float>> vectors)
    {
        float[]? sum = null;
        foreach (var v in vectors)
        {
            sum ??= new float[v.Length];
            TensorPrimitives.Add(sum, v.Span, sum);
        }
        TensorPrimitives.Divide(sum!, TensorPrimitives.Norm(sum!), sum!);
        return sum!;
    }
}

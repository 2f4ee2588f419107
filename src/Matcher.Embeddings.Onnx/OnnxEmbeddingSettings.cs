namespace Matcher.Embeddings.Onnx;

/// <summary>How the local model runs: windows per ONNX call and intra-op threads (0 = all cores).</summary>
public sealed record OnnxEmbeddingSettings(int BatchSize = 32, int Threads = 0)
{
    public static OnnxEmbeddingSettings Default { get; } = new();
}

namespace Matcher.Embeddings.Onnx;

/// <summary>
/// The three BERT input tensors for a batch of windows, padded to the batch's longest window.
/// Callers group windows of similar length (see <see cref="BatchPlan"/>) so little compute goes on padding.
/// </summary>
internal sealed class PaddedBatch
{
    public PaddedBatch(IReadOnlyList<int[]> sequences)
    {
        Count = sequences.Count;
        SequenceLength = sequences.Max(s => s.Length);
        InputIds = new long[Count * SequenceLength];
        AttentionMask = new long[Count * SequenceLength];
        TokenTypeIds = new long[Count * SequenceLength];
        Lengths = new int[Count];
        for (var row = 0; row < Count; row++)
        {
            var ids = sequences[row];
            Lengths[row] = ids.Length;
            var offset = row * SequenceLength;
            for (var t = 0; t < ids.Length; t++)
            {
                InputIds[offset + t] = ids[t];
                AttentionMask[offset + t] = 1;
            }
        }
    }

    public int Count { get; }
    public int SequenceLength { get; }
    public long[] InputIds { get; }
    public long[] AttentionMask { get; }
    public long[] TokenTypeIds { get; }
    public int[] Lengths { get; }
    public long[] Shape => [Count, SequenceLength];
}

/// <summary>Orders windows by length and cuts them into batches; results are written back by window index.</summary>
internal static class BatchPlan
{
    public static IEnumerable<int[]> Create(IReadOnlyList<TokenWindow> windows, int batchSize)
    {
        var order = Enumerable.Range(0, windows.Count).OrderBy(i => windows[i].Ids.Length).ToArray();
        return order.Chunk(batchSize);
    }
}

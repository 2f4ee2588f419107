using Microsoft.ML.Tokenizers;

namespace Matcher.Embeddings.Onnx;

/// <summary>One model input: the word-piece ids of a window of text, framed by [CLS] and [SEP].</summary>
internal readonly record struct TokenWindow(int Owner, int[] Ids);

/// <summary>
/// Tokenizes texts and cuts those longer than the model's window into overlapping windows.
/// <para>
/// A model sees at most <see cref="LocalModelDescriptor.MaxTokens"/> word pieces (256 for MiniLM, 512 for
/// arctic-embed); silently truncating would drop the end of a long CV paragraph. Instead a long text is
/// split into windows of the full size that overlap by half (stride = window / 2, the last window aligned
/// to the end of the text), each window is embedded, and the caller averages the window vectors and
/// re-normalises. The overlap keeps a phrase that straddles a cut whole in at least one window.
/// </para>
/// <para>For queries of a retrieval model, the instruction prefix is repeated at the start of every window.</para>
/// </summary>
internal sealed class WordPieceWindower(BertTokenizer tokenizer, LocalModelDescriptor model)
{
    private readonly int[] _queryPrefix = model.QueryPrefix is null
        ? []
        : [.. tokenizer.EncodeToIds(model.QueryPrefix.TrimEnd(), addSpecialTokens: false)];

    public int MaxTokens => model.MaxTokens;

    /// <summary>Word-piece ids of <paramref name="text"/> without [CLS]/[SEP] or any prefix.</summary>
    public IReadOnlyList<int> Encode(string text) => tokenizer.EncodeToIds(text, addSpecialTokens: false);

    /// <summary>Appends the windows of <paramref name="text"/> to <paramref name="windows"/>, owned by <paramref name="owner"/>.</summary>
    public void AddWindows(string text, bool isQuery, int owner, List<TokenWindow> windows)
    {
        var content = Encode(text);
        var prefix = isQuery ? _queryPrefix : [];
        var room = model.MaxTokens - 2 - prefix.Length;
        foreach (var start in WindowStarts(content.Count, room))
            windows.Add(new TokenWindow(owner, Frame(prefix, content, start, Math.Min(room, content.Count - start))));
    }

    /// <summary>Start offsets of windows of <paramref name="size"/> tokens covering <paramref name="count"/> tokens at half-window stride.</summary>
    internal static IEnumerable<int> WindowStarts(int count, int size)
    {
        if (count <= size)
        {
            yield return 0;
            yield break;
        }
        var stride = Math.Max(1, size / 2);
        for (var start = 0; ; start += stride)
        {
            if (start + size >= count)
            {
                yield return count - size;
                yield break;
            }
            yield return start;
        }
    }

    private int[] Frame(int[] prefix, IReadOnlyList<int> content, int start, int length)
    {
        var ids = new int[length + prefix.Length + 2];
        ids[0] = tokenizer.ClassificationTokenId;
        prefix.CopyTo(ids, 1);
        for (var i = 0; i < length; i++)
            ids[1 + prefix.Length + i] = content[start + i];
        ids[^1] = tokenizer.SeparatorTokenId;
        return ids;
    }
}

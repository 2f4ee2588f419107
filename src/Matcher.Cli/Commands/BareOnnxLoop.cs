using Matcher.Embeddings.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Matcher.Cli.Commands;

/// <summary>
/// The baseline for <c>bench embed</c>: what a plain OnnxRuntime program does with the same model —
/// batches in input order, truncation to the window, pooling and normalisation — and nothing else.
/// </summary>
internal sealed class BareOnnxLoop : IDisposable
{
    private readonly LocalModelDescriptor _model;
    private readonly int _batchSize;
    private readonly BertTokenizer _tokenizer;
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;

    public BareOnnxLoop(LocalModelDescriptor model, int batchSize, int threads)
    {
        _model = model;
        _batchSize = batchSize;
        _tokenizer = LocalModelResources.CreateTokenizer(model);
        _options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, InterOpNumThreads = 1 };
        if (threads > 0)
            _options.IntraOpNumThreads = threads;
        _session = new InferenceSession(LocalModelResources.ReadModel(model), _options);
    }

    public float[][] Embed(IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        var dims = _model.Dimensions;
        var result = new List<float[]>(lines.Count);
        foreach (var chunk in lines.Chunk(_batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = chunk.Select(l => _tokenizer.EncodeToIds(l, _model.MaxTokens, addSpecialTokens: true, out _, out _)).ToArray();
            var seq = ids.Max(i => i.Count);
            var input = new long[chunk.Length * seq];
            var mask = new long[chunk.Length * seq];
            for (var r = 0; r < chunk.Length; r++)
                for (var t = 0; t < ids[r].Count; t++)
                {
                    input[r * seq + t] = ids[r][t];
                    mask[r * seq + t] = 1;
                }
            long[] shape = [chunk.Length, seq];
            using var a = OrtValue.CreateTensorValueFromMemory(input, shape);
            using var b = OrtValue.CreateTensorValueFromMemory(mask, shape);
            using var c = OrtValue.CreateTensorValueFromMemory(new long[input.Length], shape);
            // Held in a variable until after the run: OnnxRuntime receives only its native handle, so a
            // temporary could be finalised by the GC while the native call still uses it.
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [a, b, c], ["last_hidden_state"]);
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            for (var r = 0; r < chunk.Length; r++)
            {
                var vector = new float[dims];
                var tokens = _model.Pooling == PoolingStrategy.Cls ? 1 : ids[r].Count;
                for (var t = 0; t < tokens; t++)
                    for (var d = 0; d < dims; d++)
                        vector[d] += hidden[(r * seq + t) * dims + d] / tokens;
                var norm = MathF.Sqrt(vector.Sum(v => v * v));
                for (var d = 0; d < dims; d++)
                    vector[d] /= norm;
                result.Add(vector);
            }
        }
        return [.. result];
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}

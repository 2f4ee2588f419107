using Matcher.Core.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;

namespace Matcher.Embeddings.Onnx;

/// <summary>
/// Sentence embeddings from a local model in an OnnxRuntime session owned by this instance.
/// Per call: identical inputs are embedded once; texts are tokenized into windows (long texts into
/// several overlapping ones, see <see cref="WordPieceWindower"/>); windows are sorted by length and run
/// in batches so each batch pads little; cancellation is honoured between batches and inside a run;
/// results come back in input order. Mark requirement texts as queries with
/// <see cref="EmbeddingInputType.ForQueries"/> so retrieval models (arctic-embed) add their query prefix.
/// Thread-safe; create one per process and keep it.
/// </summary>
public sealed class OnnxSentenceEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const string HiddenStateOutput = "last_hidden_state";

    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _session;
    private readonly WordPieceWindower _windower;
    private readonly OnnxEmbeddingSettings _settings;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly string[] _inputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private readonly string[] _outputNames = [HiddenStateOutput];

    public OnnxSentenceEmbeddingGenerator(LocalModelDescriptor model, OnnxEmbeddingSettings? settings = null)
    {
        Model = model;
        _settings = settings ?? OnnxEmbeddingSettings.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(_settings.BatchSize, 1, nameof(settings));

        _windower = new WordPieceWindower(LocalModelResources.CreateTokenizer(model), model);
        _sessionOptions = CreateSessionOptions(_settings);
        _session = CreateSession(model, _sessionOptions);
        _metadata = new EmbeddingGeneratorMetadata("onnxruntime", defaultModelId: model.Id, defaultModelDimensions: model.Dimensions);
    }

    public LocalModelDescriptor Model { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToArray();
        var isQuery = Model.QueryPrefix is not null && EmbeddingInputType.IsQuery(options);
        // The work is CPU-bound and synchronous in OnnxRuntime; keep it off the caller's context.
        return Task.Run(() => Generate(inputs, isQuery, cancellationToken), cancellationToken);
    }

    private GeneratedEmbeddings<Embedding<float>> Generate(string[] inputs, bool isQuery, CancellationToken cancellationToken)
    {
        var distinctIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var slots = new int[inputs.Length];
        var windows = new List<TokenWindow>(inputs.Length);
        for (var i = 0; i < inputs.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(inputs[i], nameof(inputs));
            if (!distinctIndex.TryGetValue(inputs[i], out var slot))
            {
                slot = distinctIndex.Count;
                distinctIndex.Add(inputs[i], slot);
                _windower.AddWindows(inputs[i], isQuery, slot, windows);
            }
            slots[i] = slot;
        }

        var dimensions = Model.Dimensions;
        var windowVectors = new float[windows.Count * dimensions];
        var tokens = 0L;
        foreach (var batch in BatchPlan.Create(windows, _settings.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            tokens += Run(batch, windows, windowVectors, cancellationToken);
        }

        var vectors = Combine(windows, windowVectors, distinctIndex.Count, dimensions);
        var now = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Length)
        {
            Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens },
        };
        foreach (var slot in slots)
            result.Add(new Embedding<float>(vectors[slot]) { ModelId = Model.Id, CreatedAt = now });
        return result;
    }

    private int Run(int[] batch, List<TokenWindow> windows, float[] windowVectors, CancellationToken cancellationToken)
    {
        var padded = new PaddedBatch(batch.Select(i => windows[i].Ids).ToArray());
        using var ids = OrtValue.CreateTensorValueFromMemory(padded.InputIds, padded.Shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(padded.AttentionMask, padded.Shape);
        using var types = OrtValue.CreateTensorValueFromMemory(padded.TokenTypeIds, padded.Shape);
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);

        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = _session.Run(runOptions, _inputNames, [ids, mask, types], _outputNames);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        using (outputs)
        {
            var hidden = outputs[0].GetTensorDataAsSpan<float>();
            var dimensions = Model.Dimensions;
            var rowSize = padded.SequenceLength * dimensions;
            for (var row = 0; row < padded.Count; row++)
                Pooling.Pool(Model.Pooling, hidden.Slice(row * rowSize, rowSize), padded.Lengths[row], dimensions,
                    windowVectors.AsSpan(batch[row] * dimensions, dimensions));
        }
        return padded.Lengths.Sum();
    }

    /// <summary>One vector per distinct input: its single window's vector, or the re-normalised mean of its windows.</summary>
    private static float[][] Combine(List<TokenWindow> windows, float[] windowVectors, int count, int dimensions)
    {
        var vectors = new float[count][];
        var windowCounts = new int[count];
        for (var w = 0; w < windows.Count; w++)
        {
            var owner = windows[w].Owner;
            var vector = vectors[owner] ??= new float[dimensions];
            System.Numerics.Tensors.TensorPrimitives.Add(vector, windowVectors.AsSpan(w * dimensions, dimensions), vector);
            windowCounts[owner]++;
        }
        for (var i = 0; i < count; i++)
            if (windowCounts[i] > 1)
                Pooling.Normalize(vectors[i]);
        return vectors;
    }

    private static SessionOptions CreateSessionOptions(OnnxEmbeddingSettings settings)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            InterOpNumThreads = 1,
        };
        if (settings.Threads > 0)
            options.IntraOpNumThreads = settings.Threads;
        // By default OnnxRuntime's worker threads spin after each run waiting for the next one. On the small shared
        // servers the app is made for, that takes whole cores from page rendering, the database and other instances;
        // parking them costs a few microseconds of wake-up per batch.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    private static InferenceSession CreateSession(LocalModelDescriptor model, SessionOptions options)
    {
        try
        {
            return new InferenceSession(LocalModelResources.ReadModel(model), options);
        }
        catch (OnnxRuntimeException ex)
        {
            options.Dispose();
            throw EmbeddingException.ModelCorrupt(model.Id, ex);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
            return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata))
            return _metadata;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        _session.Dispose();
        _sessionOptions.Dispose();
    }
}

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Core.Embeddings;

/// <summary>
/// Serves vectors from <see cref="IEmbeddingCache"/> and embeds only what is missing, in one call to
/// the inner generator, then stores the new vectors in one atomic write. Texts are normalised first
/// (trimmed, whitespace collapsed), so a line repeated across CVs and postings is embedded once.
/// A failing or cancelled inner call stores nothing.
/// Texts already being embedded for another caller are not embedded again: the caller waits for that
/// work instead (the same requirement lines reach the model from every CV of a ranking and every person
/// matching against the same posting). That work stops only when every caller waiting for it has given up,
/// so one person cancelling never fails another's match. A person's match does not wait for work a ranking started
/// (<see cref="ModelTurns.AsBackground"/>): that work takes the model's turns behind people's, so the match embeds
/// those texts itself, and later callers, rankings included, wait for the match's work instead.
/// </summary>
public sealed class CachingEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> innerGenerator,
    IEmbeddingCache cache,
    string modelId,
    ILogger<CachingEmbeddingGenerator>? logger = null)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(innerGenerator)
{
    private readonly ILogger _logger = logger ?? NullLogger<CachingEmbeddingGenerator>.Instance;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Flight> _inFlight = new(StringComparer.Ordinal);

    public string ModelId { get; } = modelId;

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var isQuery = EmbeddingInputType.IsQuery(options);
        var texts = values.Select(EmbeddingText.Normalize).ToArray();
        var keys = texts.Select(t => EmbeddingText.Sha256(t, isQuery)).ToArray();

        var distinctKeys = keys.Distinct(StringComparer.Ordinal).ToArray();
        var found = distinctKeys.Length == 0
            ? new Dictionary<string, ReadOnlyMemory<float>>()
            : new Dictionary<string, ReadOnlyMemory<float>>(await cache.GetManyAsync(ModelId, distinctKeys, cancellationToken), StringComparer.Ordinal);

        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Length; i++)
            if (!found.ContainsKey(keys[i]))
                missing.TryAdd(keys[i], texts[i]);

        var (flights, mine) = JoinOrStart(missing);
        var joined = missing.Count - (mine?.Keys.Length ?? 0);
        if (mine is not null)
            _ = EmbedAsync(mine, mine.Keys.Select(k => missing[k]).ToArray(), options);

        UsageDetails? usage = null;
        try
        {
            foreach (var flight in flights)
            {
                var (vectors, flightUsage) = await flight.Completion.Task.WaitAsync(cancellationToken);
                foreach (var (key, vector) in vectors)
                    found[key] = vector;
                if (flight == mine)
                    usage = flightUsage;
            }
        }
        finally
        {
            foreach (var flight in flights)
                Leave(flight);
        }

        _logger.LogDebug("Embedded {Texts} texts with {Model}: {Hits} from cache, {Joined} being embedded for another caller, {Misses} computed",
            texts.Length, ModelId, distinctKeys.Length - missing.Count, joined, missing.Count - joined);

        var now = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length) { Usage = usage };
        foreach (var key in keys)
            result.Add(new Embedding<float>(found[key]) { ModelId = ModelId, CreatedAt = now });
        return result;
    }

    /// <summary>The work this caller waits for: others' work on some of the texts, and its own for the rest (null when none are left).</summary>
    private (List<Flight> Flights, Flight? Mine) JoinOrStart(Dictionary<string, string> missing)
    {
        var flights = new List<Flight>();
        if (missing.Count == 0)
            return (flights, null);
        var background = ModelTurns.IsBackground;
        var own = new List<string>();
        lock (_lock)
        {
            foreach (var key in missing.Keys)
            {
                if (!_inFlight.TryGetValue(key, out var flight) || (flight.Background && !background))
                    own.Add(key);
                else if (!flights.Contains(flight))
                {
                    flight.Waiters++;
                    flights.Add(flight);
                }
            }
            if (own.Count == 0)
                return (flights, null);
            var mine = new Flight([.. own]) { Background = background };
            foreach (var key in own)
                _inFlight[key] = mine;
            flights.Add(mine);
            return (flights, mine);
        }
    }

    /// <summary>Embeds and stores one flight's texts and hands the vectors to everyone waiting for them.</summary>
    private async Task EmbedAsync(Flight flight, string[] texts, EmbeddingGenerationOptions? options)
    {
        try
        {
            var generated = await base.GenerateAsync(texts, options, flight.Cancellation.Token);
            if (generated.Count != texts.Length)
                throw new EmbeddingException(EmbeddingFailure.BadResponse,
                    $"The embedding provider returned {generated.Count} vectors for {texts.Length} texts. Try again; if it persists, choose another model.");
            var fresh = flight.Keys.Zip(generated, (key, embedding) => new CachedEmbedding(key, embedding.Vector)).ToArray();
            // Not cancellable: once the provider has been paid for the vectors, keep them.
            await cache.PutManyAsync(ModelId, fresh, CancellationToken.None);
            // Stored before it is forgotten, so a caller coming now finds the vectors either here or in the cache.
            Forget(flight);
            flight.Completion.TrySetResult((fresh.ToDictionary(e => e.TextSha256, e => e.Vector, StringComparer.Ordinal), generated.Usage));
        }
        catch (OperationCanceledException ex) when (flight.Cancellation.IsCancellationRequested)
        {
            Forget(flight);
            flight.Completion.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex)
        {
            Forget(flight);
            flight.Completion.TrySetException(ex);
        }
    }

    /// <summary>One caller stops waiting; when nobody is left waiting for unfinished work, it is cancelled.</summary>
    private void Leave(Flight flight)
    {
        lock (_lock)
        {
            if (--flight.Waiters > 0 || flight.Completion.Task.IsCompleted)
                return;
            // Forgotten first, so nobody joins work that is being cancelled.
            Forget(flight);
        }
        flight.Cancellation.Cancel();
    }

    private void Forget(Flight flight)
    {
        lock (_lock)
        {
            foreach (var key in flight.Keys)
                if (_inFlight.TryGetValue(key, out var current) && current == flight)
                    _inFlight.Remove(key);
        }
    }

    /// <summary>Texts being embedded, and how many callers wait for them.</summary>
    private sealed class Flight(string[] keys)
    {
        public string[] Keys { get; } = keys;
        public int Waiters { get; set; } = 1;

        /// <summary>Started by background work, whose turns at the model come after people's.</summary>
        public bool Background { get; init; }
        public CancellationTokenSource Cancellation { get; } = new();
        public TaskCompletionSource<(IReadOnlyDictionary<string, ReadOnlyMemory<float>> Vectors, UsageDetails? Usage)> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

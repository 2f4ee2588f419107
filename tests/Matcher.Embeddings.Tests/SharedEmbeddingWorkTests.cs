using Matcher.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace Matcher.Embeddings.Tests;

/// <summary>
/// Two callers asking the caching generator for the same new text at once. The cache here answers at once (in
/// memory), so by the time <c>GenerateAsync</c> hands back its task the caller has already looked in the cache and
/// either started the model's work or joined another's; that makes "at the same time" exact rather than a race.
/// </summary>
public sealed class SharedEmbeddingWorkTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly InMemoryEmbeddingCache _cache = new();

    [Fact]
    public async Task Two_callers_asking_for_the_same_new_text_at_once_have_it_embedded_once_and_both_get_it()
    {
        var model = new HeldEmbeddingGenerator(new HashingEmbeddingGenerator());
        var generator = new CachingEmbeddingGenerator(model, _cache, "test/hash");

        var first = generator.GenerateAsync(["Python developer", "Kubernetes"], cancellationToken: _ct);
        var second = generator.GenerateAsync(["Kubernetes", "Terraform"], cancellationToken: _ct);
        Assert.False(first.IsCompleted || second.IsCompleted);
        model.Release();
        var (a, b) = (await first, await second);

        // "Kubernetes" reached the model once, with the first call; the second sent only what nobody was embedding yet.
        Assert.Equal(["Python developer", "Kubernetes", "Terraform"], model.Texts);
        Assert.Equal(2, model.Calls);
        Assert.Equal(a[1].Vector.ToArray(), b[0].Vector.ToArray());
        var direct = await new HashingEmbeddingGenerator().GenerateAsync(["Python developer", "Kubernetes", "Terraform"], cancellationToken: _ct);
        Assert.Equal(direct.Select(v => v.Vector.ToArray()), a.Concat(b.Skip(1)).Select(v => v.Vector.ToArray()));
    }

    [Fact]
    public async Task A_caller_giving_up_does_not_cancel_the_work_another_caller_waits_for()
    {
        var model = new HeldEmbeddingGenerator(new HashingEmbeddingGenerator());
        var generator = new CachingEmbeddingGenerator(model, _cache, "test/hash");
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(_ct);

        // The caller whose request set the model to work is the one that gives up.
        var impatient = generator.GenerateAsync(["Python developer"], cancellationToken: giveUp.Token);
        var patient = generator.GenerateAsync(["Python developer"], cancellationToken: _ct);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.False(model.CancellationSeen);

        model.Release();
        var vectors = await patient;
        Assert.Equal(1, model.Calls);
        Assert.Equal((await new HashingEmbeddingGenerator().GenerateAsync(["Python developer"], cancellationToken: _ct))[0].Vector.ToArray(), vectors[0].Vector.ToArray());
        // Kept for the next caller, too.
        Assert.Single(await _cache.GetManyAsync("test/hash", [EmbeddingText.Sha256("Python developer", false)], _ct));
    }

    [Fact]
    public async Task When_every_caller_gives_up_the_model_stops_and_the_next_caller_embeds_afresh()
    {
        var model = new HeldEmbeddingGenerator(new HashingEmbeddingGenerator());
        var generator = new CachingEmbeddingGenerator(model, _cache, "test/hash");
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(_ct);

        var call = generator.GenerateAsync(["Python developer"], cancellationToken: giveUp.Token);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await model.Stopped.Task.WaitAsync(_ct);
        Assert.True(model.CancellationSeen);

        model.Release();
        var vectors = await generator.GenerateAsync(["Python developer"], cancellationToken: _ct);
        Assert.Equal(2, model.Calls);
        Assert.Single(vectors);
    }

    [Fact]
    public async Task A_person_does_not_wait_for_a_text_a_ranking_is_embedding_and_the_ranking_then_waits_for_the_persons_work()
    {
        var model = new HeldEmbeddingGenerator(new HashingEmbeddingGenerator(), holdOnlyBackground: true);
        var generator = new CachingEmbeddingGenerator(model, _cache, "test/hash");

        Task<GeneratedEmbeddings<Embedding<float>>> ranking;
        using (ModelTurns.AsBackground())
            ranking = generator.GenerateAsync(["Python developer", "Kubernetes"], cancellationToken: _ct);
        // The ranking's call is held at the model, as it would be behind people's turns; the person's is not held.
        var person = await generator.GenerateAsync(["Kubernetes"], cancellationToken: _ct).WaitAsync(TimeSpan.FromMinutes(1), _ct);
        Assert.False(ranking.IsCompleted);
        Assert.Equal(["Python developer", "Kubernetes", "Kubernetes"], model.Texts);

        // Another ranking asking for the text now finds it in the cache; the first ranking finishes when released.
        using (ModelTurns.AsBackground())
            Assert.Single(await generator.GenerateAsync(["Kubernetes"], cancellationToken: _ct).WaitAsync(TimeSpan.FromMinutes(1), _ct));
        model.Release();
        var ranked = await ranking;
        Assert.Equal(person[0].Vector.ToArray(), ranked[1].Vector.ToArray());
        Assert.Equal(2, model.Calls);
    }

    /// <summary>Counts what reaches the model and holds every call (or only background ones) until released; records whether a call was cancelled.</summary>
    private sealed class HeldEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, bool holdOnlyBackground = false)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public int Calls => _calls;
        public System.Collections.Concurrent.ConcurrentQueue<string> Texts { get; } = new();
        public bool CancellationSeen { get; private set; }
        public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Interlocked.Increment(ref _calls);
            foreach (var text in list)
                Texts.Enqueue(text);
            try
            {
                if (!holdOnlyBackground || ModelTurns.IsBackground)
                    await _released.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                CancellationSeen = true;
                Stopped.TrySetResult();
                throw;
            }
            return await base.GenerateAsync(list, options, cancellationToken);
        }
    }
}

using Matcher.Core.Matching;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Matcher.Core.Tests.Matching;

/// <summary>A match its caller stopped ends in the engine's own work too, not only inside the embedder.</summary>
public sealed class MatchCancellationTests(MatchEngineFixture fixture) : IClassFixture<MatchEngineFixture>
{
    /// <summary>
    /// The real model, reached through a provider that finishes every call it has begun (as a remote one whose answer is
    /// already on its way does) and stops the caller when its <paramref name="cancelOnCall"/>th call ends.
    /// </summary>
    private sealed class FinishingEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner, CancellationTokenSource caller, int cancelOnCall)
        : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<int> CallSizes { get; } = [];

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            CallSizes.Add(texts.Count);
            var result = await inner.GenerateAsync(texts, options, CancellationToken.None);
            if (CallSizes.Count == cancelOnCall)
                await caller.CancelAsync();
            return result;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose() { }
    }

    [Fact]
    public async Task A_match_stopped_while_the_title_is_embedded_scores_no_requirement_and_embeds_nothing_more()
    {
        var cv = MatchEngineFixture.Cv("cv-audio-engineer.md");
        var posting = MatchEngineFixture.Posting("posting-signal-researcher.md");
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // Requirements, CV lines, then the job title: the requirements are scored right after the title.
        var embedder = new FinishingEmbedder(fixture.Embedder, caller, cancelOnCall: 3);
        var engine = new MatchEngine(embedder, Options.Create(fixture.Options), MatchEngineFixture.Clock());

        await Assert.ThrowsAsync<OperationCanceledException>(() => engine.MatchAsync(cv, posting, 0, caller.Token));

        Assert.Equal(3, embedder.CallSizes.Count);
        Assert.Equal(1, embedder.CallSizes[2]);
    }

    [Fact]
    public async Task Left_alone_the_same_match_goes_on_to_embed_the_duties_and_the_cvs_titles()
    {
        var cv = MatchEngineFixture.Cv("cv-audio-engineer.md");
        var posting = MatchEngineFixture.Posting("posting-signal-researcher.md");
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var embedder = new FinishingEmbedder(fixture.Embedder, caller, cancelOnCall: int.MaxValue);
        var engine = new MatchEngine(embedder, Options.Create(fixture.Options), MatchEngineFixture.Clock());

        var report = await engine.MatchAsync(cv, posting, 0, caller.Token);

        Assert.Equal(5, embedder.CallSizes.Count);
        Assert.Equal(3, report.Requirements.Count);
    }
}

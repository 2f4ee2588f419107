using Matcher.Core.Embeddings;
using Matcher.Embeddings.Onnx;
using Microsoft.Extensions.AI;
using static Matcher.Embeddings.Tests.VectorMath;

namespace Matcher.Embeddings.Tests;

public sealed class MiniLmGeneratorTests(MiniLmFixture model) : IClassFixture<MiniLmFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Matches_the_packaged_sentence_encoder_on_fixed_sentences()
    {
        var sentences = Fixture.Lines("embeddings/parity-sentences.txt");

        var ours = await model.Generator.GenerateAsync(sentences, cancellationToken: _ct);
        var reference = model.PackageEncoder.Encode(sentences, _ct);

        Assert.Equal(sentences.Length, ours.Count);
        for (var i = 0; i < sentences.Length; i++)
        {
            Assert.Equal(384, ours[i].Vector.Length);
            Assert.True(MaxAbsDifference(ours[i].Vector.Span, reference[i]) < 1e-5f, $"sentence {i} differs from the package encoder");
        }
    }

    [Fact]
    public async Task Deep_learning_frameworks_are_closer_to_each_other_than_to_retail_work()
    {
        var vectors = await model.Generator.GenerateAsync(
            ["PyTorch and TensorFlow", "deep learning frameworks such as Keras", "retail cashier experience"], cancellationToken: _ct);

        var related = Cosine(vectors[0].Vector, vectors[1].Vector);
        var unrelated = Cosine(vectors[0].Vector, vectors[2].Vector);

        Assert.True(related > unrelated + 0.2f, $"related {related:F3} vs unrelated {unrelated:F3}");
    }

    [Fact]
    public async Task Text_longer_than_the_window_is_the_renormalised_mean_of_its_windows_not_a_truncation()
    {
        var paragraphs = Fixture.Text("embeddings/long-profile.txt").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var longText = string.Join(" ", paragraphs);
        var tokenizer = LocalModelResources.CreateTokenizer(LocalModels.MiniLmL6V2);
        int Tokens(string text) => tokenizer.EncodeToIds(text, addSpecialTokens: false).Count;
        Assert.True(Tokens(longText) > LocalModels.MiniLmL6V2.MaxTokens, "fixture must exceed the model window");
        // What a truncating encoder would see: the leading paragraphs that fit in the window.
        var truncated = string.Join(" ", paragraphs.TakeWhile((_, i) => Tokens(string.Join(" ", paragraphs.Take(i + 1))) <= 254));
        Assert.NotEqual(longText, truncated);

        var vectors = await model.Generator.GenerateAsync([longText, truncated, .. paragraphs, "deep learning engineer using PyTorch"], cancellationToken: _ct);
        var whole = vectors[0].Vector;
        var cut = vectors[1].Vector;
        var parts = vectors.Skip(2).Take(paragraphs.Length).Select(e => e.Vector);
        var lastTopic = vectors[^1].Vector;

        Assert.Equal(1f, Norm(whole), 4);
        var nearMean = Cosine(whole, NormalizedMean(parts));
        Assert.True(nearMean > 0.8f, $"the long text should sit near the mean of its parts (cosine {nearMean:F3})");

        // Exactly: the re-normalised mean of the half-overlapping windows, each embedded on its own.
        var content = tokenizer.EncodeToIds(longText, addSpecialTokens: false);
        var windowTexts = WordPieceWindower.WindowStarts(content.Count, 254)
            .Select(start => tokenizer.Decode(content.Skip(start).Take(254))!).ToArray();
        Assert.True(windowTexts.Length >= 2);
        Assert.All(windowTexts, w => Assert.True(Tokens(w) <= 254));
        var windowVectors = await model.Generator.GenerateAsync(windowTexts, cancellationToken: _ct);
        Assert.True(MaxAbsDifference(whole.Span, NormalizedMean(windowVectors.Select(e => e.Vector))) < 1e-4f);
        var (wholeToLast, cutToLast) = (Cosine(whole, lastTopic), Cosine(cut, lastTopic));
        Assert.True(wholeToLast > cutToLast + 0.05f,
            $"the closing paragraph (past the window) must still count: {wholeToLast:F3} vs truncated {cutToLast:F3}");
    }

    [Fact]
    public async Task Batches_keep_input_order_and_identical_inputs_share_one_computation()
    {
        var sentences = Fixture.Lines("embeddings/parity-sentences.txt");
        string[] inputs = [sentences[3], sentences[0], sentences[3], sentences[7], sentences[1], sentences[0], sentences[9], sentences[2], sentences[3]];

        var batched = await model.Generator.GenerateAsync(inputs, cancellationToken: _ct);
        var distinct = inputs.Distinct().ToArray();
        var distinctRun = await model.Generator.GenerateAsync(distinct, cancellationToken: _ct);

        Assert.Equal(inputs.Length, batched.Count);
        for (var i = 0; i < inputs.Length; i++)
        {
            var alone = await model.Generator.GenerateAsync([inputs[i]], cancellationToken: _ct);
            Assert.True(MaxAbsDifference(batched[i].Vector.Span, alone[0].Vector.Span) < 1e-5f, $"input {i} is out of place");
        }
        // Duplicates cost nothing: the call processes exactly the tokens of the distinct inputs.
        Assert.Equal(distinctRun.Usage!.InputTokenCount, batched.Usage!.InputTokenCount);
        Assert.True(inputs.Length > MiniLmFixture.BatchSize * 2, "inputs must span several batches");
    }

    [Fact]
    public async Task Requirement_marked_as_query_gets_the_same_vector_from_a_symmetric_model()
    {
        var document = await model.Generator.GenerateAsync(["Experience with PyTorch"], cancellationToken: _ct);
        var query = await model.Generator.GenerateAsync(["Experience with PyTorch"], EmbeddingInputType.ForQueries(), _ct);

        Assert.True(MaxAbsDifference(document[0].Vector.Span, query[0].Vector.Span) < 1e-6f);
    }

    [Fact]
    public async Task Cancelled_call_stops_before_running_the_model()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            model.Generator.GenerateAsync(Fixture.Lines("embeddings/parity-sentences.txt"), cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Reports_model_id_and_dimensions_as_metadata()
    {
        IEmbeddingGenerator generator = model.Generator;
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal("local/all-MiniLM-L6-v2", metadata?.DefaultModelId);
        Assert.Equal(384, metadata?.DefaultModelDimensions);
    }

    [Fact]
    public void Missing_model_package_gives_a_message_that_says_what_to_do()
    {
        var missing = LocalModels.MiniLmL6V2 with { Id = "local/absent", ResourceAssembly = "Matcher.NoSuchModelPackage" };

        var error = Assert.Throws<EmbeddingException>(() => new OnnxSentenceEmbeddingGenerator(missing));

        Assert.Equal(EmbeddingFailure.ModelMissing, error.Failure);
        Assert.Contains("local/absent", error.Message);
        Assert.Contains("Reinstall", error.Message);
    }
}

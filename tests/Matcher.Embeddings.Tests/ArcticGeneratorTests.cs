using Matcher.Core.Embeddings;
using static Matcher.Embeddings.Tests.VectorMath;

namespace Matcher.Embeddings.Tests;

public sealed class ArcticGeneratorTests(ArcticFixture model) : IClassFixture<ArcticFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Documents_match_the_packaged_cls_pooled_encoder()
    {
        var sentences = Fixture.Lines("embeddings/parity-sentences.txt");

        var ours = await model.Generator.GenerateAsync(sentences, cancellationToken: _ct);
        var reference = model.PackageEncoder.Encode(sentences, _ct);

        for (var i = 0; i < sentences.Length; i++)
        {
            Assert.Equal(384, ours[i].Vector.Length);
            Assert.Equal(1f, Norm(ours[i].Vector), 4);
            Assert.True(MaxAbsDifference(ours[i].Vector.Span, reference[i]) < 1e-5f, $"sentence {i} differs from the package encoder");
        }
    }

    [Fact]
    public async Task Query_prefix_changes_the_vector_and_finds_the_relevant_passage()
    {
        const string requirement = "Experience with deep learning frameworks";
        string[] passages = ["Trained transformer models in PyTorch and TensorFlow.", "Worked as a retail cashier for two years."];

        var asDocument = await model.Generator.GenerateAsync([requirement], cancellationToken: _ct);
        var asQuery = await model.Generator.GenerateAsync([requirement], EmbeddingInputType.ForQueries(), _ct);
        var documents = await model.Generator.GenerateAsync(passages, cancellationToken: _ct);

        Assert.Equal(1f, Norm(asQuery[0].Vector), 4);
        Assert.True(Cosine(asDocument[0].Vector, asQuery[0].Vector) < 0.99f, "the query prefix must change the vector");
        Assert.True(Cosine(asQuery[0].Vector, documents[0].Vector) > Cosine(asQuery[0].Vector, documents[1].Vector));
    }

    [Fact]
    public async Task Query_is_the_document_embedding_of_the_prefixed_text()
    {
        const string requirement = "Fluent in Japanese";
        var prefix = Onnx.LocalModels.ArcticEmbedXs.QueryPrefix;

        var asQuery = await model.Generator.GenerateAsync([requirement], EmbeddingInputType.ForQueries(), _ct);
        var prefixed = await model.Generator.GenerateAsync([prefix + requirement], cancellationToken: _ct);

        Assert.True(MaxAbsDifference(asQuery[0].Vector.Span, prefixed[0].Vector.Span) < 1e-5f);
    }
}

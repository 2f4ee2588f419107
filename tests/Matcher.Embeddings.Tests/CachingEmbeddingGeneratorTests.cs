using Matcher.Core.Embeddings;
using Matcher.Data.Embeddings;
using Microsoft.EntityFrameworkCore;
using static Matcher.Embeddings.Tests.VectorMath;

namespace Matcher.Embeddings.Tests;

public sealed class CachingEmbeddingGeneratorTests : IDisposable
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly SqliteDatabase _database = new();
    private readonly EfEmbeddingCache _cache;

    public CachingEmbeddingGeneratorTests() => _cache = new EfEmbeddingCache(_database);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Second_call_with_the_same_lines_embeds_nothing()
    {
        var lines = Fixture.Lines("embeddings/parity-sentences.txt");
        var first = new CountingEmbeddingGenerator(new HashingEmbeddingGenerator());
        var second = new CountingEmbeddingGenerator(new HashingEmbeddingGenerator());

        var computed = await new CachingEmbeddingGenerator(first, _cache, "test/hash").GenerateAsync(lines, cancellationToken: _ct);
        var cached = await new CachingEmbeddingGenerator(second, _cache, "test/hash").GenerateAsync(lines, cancellationToken: _ct);

        Assert.Equal(1, first.Calls);
        Assert.Equal(lines.Length, first.Texts.Count);
        Assert.Equal(0, second.Calls);
        Assert.Equal(lines.Length, _database.EmbeddingRows());
        for (var i = 0; i < lines.Length; i++)
            Assert.Equal(computed[i].Vector.ToArray(), cached[i].Vector.ToArray());
    }

    [Fact]
    public async Task Lines_differing_only_in_spacing_are_embedded_once_and_share_a_vector()
    {
        var counting = new CountingEmbeddingGenerator(new HashingEmbeddingGenerator());
        var generator = new CachingEmbeddingGenerator(counting, _cache, "test/hash");

        var vectors = await generator.GenerateAsync(["  Python   developer ", "Python developer", "Python\tdeveloper\n", "Go developer"], cancellationToken: _ct);

        Assert.Equal(["Python developer", "Go developer"], counting.Texts);
        Assert.Equal(vectors[0].Vector.ToArray(), vectors[2].Vector.ToArray());
        Assert.Equal(2, _database.EmbeddingRows());
    }

    [Fact]
    public async Task Vectors_of_different_models_do_not_mix()
    {
        var modelA = new CountingEmbeddingGenerator(new HashingEmbeddingGenerator(seed: 1));
        var modelB = new CountingEmbeddingGenerator(new HashingEmbeddingGenerator(seed: 2));
        string[] line = ["Kubernetes and Terraform on AWS"];

        var fromA = await new CachingEmbeddingGenerator(modelA, _cache, "test/model-a").GenerateAsync(line, cancellationToken: _ct);
        var fromB = await new CachingEmbeddingGenerator(modelB, _cache, "test/model-b").GenerateAsync(line, cancellationToken: _ct);
        var direct = await new HashingEmbeddingGenerator(seed: 2).GenerateAsync(line, cancellationToken: _ct);

        Assert.Equal(1, modelB.Calls);
        Assert.Equal(direct[0].Vector.ToArray(), fromB[0].Vector.ToArray());
        Assert.NotEqual(fromA[0].Vector.ToArray(), fromB[0].Vector.ToArray());
        Assert.Equal(2, _database.EmbeddingRows());
    }

    [Fact]
    public async Task Query_and_document_forms_of_a_line_are_cached_apart()
    {
        var counting = new CountingEmbeddingGenerator(new HashingEmbeddingGenerator());
        var generator = new CachingEmbeddingGenerator(counting, _cache, "test/hash");

        await generator.GenerateAsync(["SQL"], cancellationToken: _ct);
        await generator.GenerateAsync(["SQL"], EmbeddingInputType.ForQueries(), _ct);
        await generator.GenerateAsync(["SQL"], EmbeddingInputType.ForQueries(), _ct);

        Assert.Equal(2, counting.Calls);
    }

    [Fact]
    public async Task Failing_provider_leaves_no_rows_and_surfaces_its_message()
    {
        var generator = new CachingEmbeddingGenerator(new FailingEmbeddingGenerator(), _cache, "test/down");

        var error = await Assert.ThrowsAsync<EmbeddingException>(() =>
            generator.GenerateAsync(Fixture.Lines("embeddings/parity-sentences.txt"), cancellationToken: _ct));

        Assert.Equal(EmbeddingFailure.ServerError, error.Failure);
        Assert.Equal(0, _database.EmbeddingRows());
    }

    [Fact]
    public async Task Cancelled_call_leaves_no_rows()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var generator = new CachingEmbeddingGenerator(new HashingEmbeddingGenerator(), _cache, "test/hash");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generator.GenerateAsync(["a", "b"], cancellationToken: cancelled.Token));

        Assert.Equal(0, _database.EmbeddingRows());
    }

    [Fact]
    public async Task Stored_vectors_are_little_endian_float32_and_read_back_exactly()
    {
        float[] vector = [0.5f, -1.25f, 3.0e-8f, float.Epsilon];

        await _cache.PutManyAsync("test/raw", [new CachedEmbedding("abc", vector)], _ct);
        var read = await _cache.GetManyAsync("test/raw", ["abc", "missing"], _ct);

        Assert.Equal(vector, read["abc"].ToArray());
        Assert.False(read.ContainsKey("missing"));
        await using var db = _database.CreateDbContext();
        var row = await db.Embeddings.SingleAsync(_ct);
        Assert.Equal(4, row.Dimensions);
        // The column itself, not the entity, so the file's byte order is what is checked.
        var stored = await db.Database.SqlQuery<byte[]>($"SELECT \"Vector\" AS \"Value\" FROM \"Embeddings\"").SingleAsync(_ct);
        Assert.Equal(16, stored.Length);
        Assert.Equal(new byte[] { 0, 0, 0, 0x3F }, stored[..4]);
    }
}

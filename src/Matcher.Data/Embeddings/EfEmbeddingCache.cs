using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Matcher.Core.Embeddings;
using Matcher.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Data.Embeddings;

/// <summary>
/// Embedding cache in the <c>Embeddings</c> table. On SQLite vectors are stored as little-endian float32 bytes so
/// the file reads the same on any machine; on PostgreSQL as <c>real[]</c>.
/// </summary>
public sealed class EfEmbeddingCache(IDbContextFactory<MatcherDbContext> contextFactory, TimeProvider? clock = null) : IEmbeddingCache
{
    // SQLite allows 999 parameters per statement in older builds; stay well below it.
    private const int LookupChunk = 500;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<IReadOnlyDictionary<string, ReadOnlyMemory<float>>> GetManyAsync(
        string modelId, IReadOnlyCollection<string> textSha256s, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        if (textSha256s.Count == 0)
            return result;

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in textSha256s.Distinct(StringComparer.Ordinal).Chunk(LookupChunk))
        {
            var rows = await db.Embeddings.AsNoTracking()
                .Where(e => e.ModelId == modelId && chunk.Contains(e.TextSha256))
                .Select(e => new { e.TextSha256, e.Vector })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
                result[row.TextSha256] = row.Vector;
        }
        return result;
    }

    public async Task PutManyAsync(string modelId, IReadOnlyCollection<CachedEmbedding> entries, CancellationToken cancellationToken = default)
    {
        if (entries.Count == 0)
            return;

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unique = entries.DistinctBy(e => e.TextSha256, StringComparer.Ordinal).ToList();
        var present = (await GetManyAsync(modelId, unique.Select(e => e.TextSha256).ToArray(), cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        var now = _clock.GetUtcNow();

        db.Embeddings.AddRange(unique.Where(e => !present.Contains(e.TextSha256)).Select(e => new EmbeddingCacheEntry
        {
            ModelId = modelId,
            TextSha256 = e.TextSha256,
            Dimensions = e.Vector.Length,
            Vector = e.Vector.ToArray(),
            CreatedAt = now,
        }));

        // SaveChanges wraps all inserts in one transaction: either every row lands or none does.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer may have stored the same lines meanwhile; their vectors are equal, so that is fine.
            if (!await AllPresentAsync(modelId, unique, cancellationToken))
                throw;
        }
    }

    private async Task<bool> AllPresentAsync(string modelId, List<CachedEmbedding> entries, CancellationToken cancellationToken)
    {
        var present = await GetManyAsync(modelId, entries.Select(e => e.TextSha256).ToArray(), cancellationToken);
        return present.Count == entries.Count;
    }

    internal static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(vector.AsSpan()).CopyTo(bytes);
            return bytes;
        }
        for (var i = 0; i < vector.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        return bytes;
    }

    internal static float[] FromBytes(byte[] bytes)
    {
        var vector = new float[bytes.Length / sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(vector);
            return vector;
        }
        for (var i = 0; i < vector.Length; i++)
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return vector;
    }
}

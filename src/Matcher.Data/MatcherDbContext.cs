using Matcher.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Matcher.Data;

/// <summary>Matcher's data, its accounts (ASP.NET Core Identity) and, on a shared store, its data-protection keys in one store.</summary>
public sealed class MatcherDbContext(DbContextOptions<MatcherDbContext> options) : IdentityDbContext<MatcherUser>(options), IDataProtectionKeyContext
{
    public DbSet<PostingEntity> Postings => Set<PostingEntity>();
    public DbSet<PositionEntity> Positions => Set<PositionEntity>();
    public DbSet<RequirementEntity> Requirements => Set<RequirementEntity>();
    public DbSet<CvEntity> Cvs => Set<CvEntity>();
    public DbSet<MatchSessionEntity> Sessions => Set<MatchSessionEntity>();
    public DbSet<ReportEntity> Reports => Set<ReportEntity>();
    public DbSet<NoteEntity> Notes => Set<NoteEntity>();
    public DbSet<ReportOverrideEntity> ReportOverrides => Set<ReportOverrideEntity>();
    public DbSet<EmbeddingCacheEntry> Embeddings => Set<EmbeddingCacheEntry>();
    public DbSet<RankingJobEntity> RankingJobs => Set<RankingJobEntity>();
    public DbSet<RankingApplicantEntity> RankingApplicants => Set<RankingApplicantEntity>();
    public DbSet<SessionShareEntity> SessionShares => Set<SessionShareEntity>();
    public DbSet<AuditEntryEntity> AuditLog => Set<AuditEntryEntity>();

    /// <summary>Keys for cookies and tokens when several instances must read each other's; SQLite keeps them in files.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<SessionShareEntity>(e =>
        {
            e.HasIndex(s => new { s.SessionId, s.AdvisorId });
            e.HasIndex(s => s.TokenSha256).IsUnique();
            e.HasOne<MatchSessionEntity>().WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AuditEntryEntity>(e =>
        {
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.ActorId);
        });
        modelBuilder.Entity<PostingEntity>(e =>
        {
            e.HasIndex(p => p.OwnerId);
            e.HasMany(p => p.Positions).WithOne().HasForeignKey(p => p.PostingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<PositionEntity>(e =>
        {
            e.HasIndex(p => new { p.PostingId, p.Index }).IsUnique();
            e.HasMany(p => p.Requirements).WithOne().HasForeignKey(r => r.PositionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MatchSessionEntity>(e =>
        {
            e.HasIndex(s => s.OwnerId);
            e.HasMany(s => s.Cvs).WithOne().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Reports).WithOne().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(s => s.Notes).WithOne().HasForeignKey(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CvEntity>(e =>
        {
            e.HasIndex(c => c.OwnerId);
            // Deleting a file from the store first asks whether any other row still uses it.
            e.HasIndex(c => c.FileSha256);
        });
        modelBuilder.Entity<ReportEntity>(e =>
        {
            e.HasIndex(r => r.OwnerId);
            e.HasOne<CvEntity>().WithMany().HasForeignKey(r => r.CvId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PostingEntity>().WithMany().HasForeignKey(r => r.PostingId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<NoteEntity>().HasIndex(n => n.OwnerId);
        modelBuilder.Entity<ReportOverrideEntity>(e =>
        {
            e.HasIndex(o => new { o.ReportId, o.RequirementId, o.CreatedAt });
            e.HasOne<ReportEntity>().WithMany().HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EmbeddingCacheEntry>(e =>
        {
            e.HasKey(x => new { x.ModelId, x.TextSha256 });
            // PostgreSQL keeps the vector as real[]; SQLite has no arrays, so there it is a blob of float32 bytes.
            if (!Database.IsNpgsql())
                e.Property(x => x.Vector).HasConversion(VectorBytes.Converter, VectorBytes.Comparer);
        });
        modelBuilder.Entity<RankingJobEntity>(e =>
        {
            e.HasIndex(j => j.OwnerId);
            e.HasIndex(j => j.Status);
            e.Property(j => j.Status).HasConversion<string>();
            e.HasOne<PostingEntity>().WithMany().HasForeignKey(j => j.PostingId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(j => j.Applicants).WithOne().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RankingApplicantEntity>(e =>
        {
            e.HasIndex(a => new { a.JobId, a.Number }).IsUnique();
            e.HasIndex(a => a.FileSha256);
            e.Property(a => a.Decision).HasConversion<string>();
        });

        // SQLite cannot order by DateTimeOffset; store it as ticks-plus-offset text that sorts correctly in UTC.
        // PostgreSQL could, but uses the same encoding so both stores keep the offset and sort alike.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset)))
                property.SetValueConverter(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter());
    }
}

/// <summary>Embedding vectors as the little-endian float32 bytes SQLite stores.</summary>
internal static class VectorBytes
{
    public static readonly ValueConverter<float[], byte[]> Converter = new(
        v => Embeddings.EfEmbeddingCache.ToBytes(v),
        b => Embeddings.EfEmbeddingCache.FromBytes(b));

    // Arrays compare by reference by default; cached vectors are compared by their values.
    public static readonly ValueComparer<float[]> Comparer = new(
        (a, b) => a == b || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(0, (hash, x) => HashCode.Combine(hash, x)),
        v => v.ToArray());
}

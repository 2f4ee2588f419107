using Matcher.Core.Cvs;
using Matcher.Core.Embeddings;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Data.Entities;
using Matcher.Data.Mapping;
using Matcher.Web.Services.Audit;
using Matcher.Web.Services.Privacy;
using Matcher.Web.Services.Ranking;
using Microsoft.EntityFrameworkCore;
using static Matcher.Web.Tests.Privacy.PrivacyScenario;

using Matcher.Web.Tests.Stores;

namespace Matcher.Web.Tests.Privacy;

/// <summary>A coordinator removes one applicant from a ranking.</summary>
public abstract class ApplicantEraserTests(StoreKind kind, PostgresServer? server) : IAsyncLifetime
{
    private static readonly string[] Cvs = ["aaron-blake.md", "ahmed-karim.md", "aisha-bello.md"];

    private PrivacyHost _host = null!;
    private Guid _jobId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await PrivacyHost.StartAsync(store: await TestStore.CreateAsync(kind, server, Ct));
        _host.SignIn(Alice);
        var text = await File.ReadAllTextAsync(Fixtures.Path("privacy", "ranger-posting.md"), Ct);
        var posting = PostingMapping.ToEntity(new PostingReader().ReadText(text), Alice.Id, text, null, _host.Clock.GetUtcNow());
        await using (var db = await _host.Db.CreateDbContextAsync(Ct))
        {
            db.Postings.Add(posting);
            await db.SaveChangesAsync(Ct);
        }
        _jobId = await _host.Get<RankingJobs>().StartAsync(posting.Id, [0], Cvs.Select(n => new ApplicantFile(n, Fixtures.Bytes("eval", "cvs", n))).ToList(), blind: false, Ct);
        await _host.RunRankingAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static HashSet<string> DocumentKeys(string file) =>
        EvidenceExtractor.Extract(new CvReader().Read(Fixtures.Bytes("eval", "cvs", file), file))
            .Select(u => EmbeddingText.Sha256(EmbeddingText.Normalize(u.Text), isQuery: false)).ToHashSet(StringComparer.Ordinal);

    private async Task<HashSet<string>> CachedKeysAsync()
    {
        await using var db = await _host.Db.CreateDbContextAsync(Ct);
        return (await db.Embeddings.Select(e => e.TextSha256).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public async Task Removing_an_applicant_deletes_exactly_that_applicant_and_its_cached_lines()
    {
        var removedKeys = DocumentKeys(Cvs[1]);
        var keptKeys = DocumentKeys(Cvs[0]).Except(removedKeys).ToHashSet();
        var cached = await CachedKeysAsync();
        Assert.Empty(removedKeys.Except(cached));
        Assert.Empty(keptKeys.Except(cached));
        Guid applicantId;
        await using (var db = await _host.Db.CreateDbContextAsync(Ct))
            applicantId = await db.RankingApplicants.Where(a => a.Number == 2).Select(a => a.Id).SingleAsync(Ct);

        await _host.Get<ApplicantEraser>().DeleteAsync(_jobId, applicantId, Ct);

        await using var after = await _host.Db.CreateDbContextAsync(Ct);
        Assert.Equal([1, 3], await after.RankingApplicants.OrderBy(a => a.Number).Select(a => a.Number).ToListAsync(Ct));
        var job = await after.RankingJobs.SingleAsync(Ct);
        Assert.Equal((2, 2), (job.Total, job.Done));
        var left = await CachedKeysAsync();
        Assert.Empty(left.Intersect(removedKeys));
        Assert.Empty(keptKeys.Except(left));
        var entry = await after.AuditLog.SingleAsync(Ct);
        Assert.Equal((AuditActions.Deletion, $"ranking:{_jobId}", "applicant 2"), (entry.Action, entry.Subject, entry.Details));
    }

    [Fact]
    public async Task Nobody_else_can_remove_an_applicant_from_my_ranking()
    {
        Guid applicantId;
        await using (var db = await _host.Db.CreateDbContextAsync(Ct))
            applicantId = await db.RankingApplicants.Where(a => a.Number == 1).Select(a => a.Id).SingleAsync(Ct);
        _host.SignIn(Bob);

        await Assert.ThrowsAsync<Matcher.Core.Documents.NotFoundException>(() => _host.Get<ApplicantEraser>().DeleteAsync(_jobId, applicantId, Ct));

        await using var after = await _host.Db.CreateDbContextAsync(Ct);
        Assert.Equal(3, await after.RankingApplicants.CountAsync(Ct));
    }
}

public sealed class ApplicantEraserOnSqliteTests() : ApplicantEraserTests(StoreKind.Sqlite, null);

public sealed class ApplicantEraserOnPostgreSqlTests(PostgresServer server) : ApplicantEraserTests(StoreKind.PostgreSql, server);

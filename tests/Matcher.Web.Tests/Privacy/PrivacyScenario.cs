using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;
using Matcher.Core.Users;
using Matcher.Data.Entities;
using Matcher.Data.Mapping;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Services.Audit;
using Matcher.Web.Services.Ranking;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Tests.Privacy;

/// <summary>
/// Two people with the kinds of data Matcher keeps. Alice checks her fit, keeps a second CV and a posting,
/// ranks an applicant, shares her session with Bob and advises on Bob's session; Bob does the same on his side
/// and ranks against Alice's posting.
/// </summary>
public sealed class PrivacyScenario(PrivacyHost host)
{
    public static readonly TestPerson Alice = new("alice-id-7f3a91", "alice.quokka@example.org", "Alice Quokkason", Roles.Candidate, Roles.Coordinator, Roles.Advisor);
    public static readonly TestPerson Bob = new("bob-id-2c9b44", "bob.nurse@example.com", "Bob Carver", Roles.Candidate, Roles.Coordinator, Roles.Advisor);

    public const string AliceCvFile = "alice-quokka-cv.md";
    public const string AlicePhrase = "quokka habitat restoration";
    public const string ApplicantFile = "applicant-wombat-survey.md";
    public const string BobCvFile = "cv-lapsed-nurse.md";

    public Guid AliceSessionId { get; private set; }
    public Guid AliceReportId { get; private set; }
    public Guid AliceLibraryPostingId { get; private set; }
    public Guid AliceJobId { get; private set; }
    public Guid BobSessionId { get; private set; }
    public Guid BobReportId { get; private set; }

    /// <summary>Embedding keys that existed before Alice embedded anything: Bob's texts.</summary>
    public HashSet<string> KeysBeforeAlice { get; private set; } = [];

    /// <summary>Embedding keys that Alice's matching and ranking added to the cache.</summary>
    public HashSet<string> KeysAddedByAlice { get; private set; } = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task SeedAsync()
    {
        await AddAccountAsync(Alice);
        await AddAccountAsync(Bob);

        host.SignIn(Bob);
        (BobSessionId, BobReportId) = await CheckFitAsync(Fixtures.Bytes("matching", BobCvFile), BobCvFile, Fixtures.Path("matching", "posting-icu-nurse.md"));
        await host.Get<SessionNotes>().SaveAsync(BobSessionId, "Bob's own note about the nurse role", Ct);
        KeysBeforeAlice = await EmbeddingKeysAsync();

        host.SignIn(Alice);
        (AliceSessionId, AliceReportId) = await CheckFitAsync(Fixtures.Bytes("privacy", AliceCvFile), AliceCvFile, Fixtures.Path("privacy", "ranger-posting.md"));
        await host.Get<SessionNotes>().SaveAsync(AliceSessionId, $"Alice Quokkason wants to keep doing {AlicePhrase}.", Ct);
        await host.Get<ReportOverrides>().SaveAsync(AliceReportId, "r1", MatchStatus.Met, "Alice showed her field logbook", Ct);
        AliceLibraryPostingId = await AddLibraryPostingAsync(Alice.Id);
        AliceJobId = await host.Get<RankingJobs>().StartAsync(AliceLibraryPostingId, [0],
            [new ApplicantFile(ApplicantFile, Fixtures.Bytes("privacy", ApplicantFile))], blind: false, Ct);
        await host.RunRankingAsync();
        await host.Get<AuditLog>().RecordAsync(host.User, AuditActions.SignIn, cancellationToken: Ct);
        KeysAddedByAlice = (await EmbeddingKeysAsync()).Except(KeysBeforeAlice).ToHashSet();

        await using var db = await host.Db.CreateDbContextAsync(Ct);
        var now = host.Clock.GetUtcNow();
        db.Cvs.Add(new CvEntity
        {
            Id = Guid.NewGuid(), OwnerId = Alice.Id, SessionId = null, FileName = AliceCvFile, Format = "Markdown",
            OriginalFile = Fixtures.Bytes("privacy", AliceCvFile), Sha256 = "outside-a-session", Text = $"A spare CV about {AlicePhrase}.",
            ParsedJson = """{"text":"A spare CV about quokka habitat restoration."}""", CreatedAt = now,
        });
        // Alice shares her session with Bob, and advises on Bob's session, which he shared with her.
        db.SessionShares.Add(new SessionShareEntity { Id = Guid.NewGuid(), OwnerId = Alice.Id, SessionId = AliceSessionId, AdvisorId = Bob.Id, AdvisorEmail = Bob.Email, CreatedAt = now, AcceptedAt = now });
        db.SessionShares.Add(new SessionShareEntity { Id = Guid.NewGuid(), OwnerId = Bob.Id, SessionId = BobSessionId, AdvisorId = Alice.Id, AdvisorEmail = Alice.Email, CreatedAt = now, AcceptedAt = now });
        db.Notes.Add(new NoteEntity { Id = Guid.NewGuid(), OwnerId = Alice.Id, SessionId = BobSessionId, Text = "Advice from Alice Quokkason", CreatedAt = now, UpdatedAt = now });
        db.ReportOverrides.Add(new ReportOverrideEntity { Id = Guid.NewGuid(), OwnerId = Alice.Id, ReportId = BobReportId, RequirementId = "r1", Status = "Partial", Reason = "Alice checked the licence", ChangedBy = Alice.Id, CreatedAt = now });
        // Bob ranks his own applicants against Alice's posting.
        db.RankingJobs.Add(new RankingJobEntity { Id = Guid.NewGuid(), OwnerId = Bob.Id, PostingId = AliceLibraryPostingId, PositionsJson = "[0]", Status = RankingJobStatus.Completed, Total = 0, CreatedAt = now });
        db.AuditLog.Add(new AuditEntryEntity { At = now, ActorId = Bob.Id, ActorName = Bob.DisplayName, Action = AuditActions.ShareCreated, Subject = $"session:{BobSessionId}", Details = $"advisor {Alice.Email}" });
        await db.SaveChangesAsync(Ct);
    }

    private async Task<(Guid Session, Guid Report)> CheckFitAsync(byte[] cv, string cvName, string postingPath)
    {
        var workflow = host.Get<MatchWorkflow>();
        var draft = workflow.ReadCv(new UploadedFile(cvName, cv));
        var reportId = await workflow.MatchAsync(draft, new PostingInput(await File.ReadAllTextAsync(postingPath, Ct), null), cancellationToken: Ct);
        await using var db = await host.Db.CreateDbContextAsync(Ct);
        return (await db.Reports.Where(r => r.Id == reportId).Select(r => r.SessionId).SingleAsync(Ct), reportId);
    }

    private async Task<Guid> AddLibraryPostingAsync(string ownerId)
    {
        var text = await File.ReadAllTextAsync(Fixtures.Path("privacy", "ranger-posting.md"), Ct);
        var entity = PostingMapping.ToEntity(new PostingReader().ReadText(text), ownerId, text, "ranger-posting.md", host.Clock.GetUtcNow());
        await using var db = await host.Db.CreateDbContextAsync(Ct);
        db.Postings.Add(entity);
        await db.SaveChangesAsync(Ct);
        return entity.Id;
    }

    private async Task AddAccountAsync(TestPerson person)
    {
        await using var db = await host.Db.CreateDbContextAsync(Ct);
        db.Users.Add(new MatcherUser
        {
            Id = person.Id, UserName = person.Email, NormalizedUserName = person.Email.ToUpperInvariant(),
            Email = person.Email, NormalizedEmail = person.Email.ToUpperInvariant(), DisplayName = person.DisplayName,
            CreatedAt = host.Clock.GetUtcNow(), SecurityStamp = Guid.NewGuid().ToString(),
        });
        foreach (var role in person.Roles)
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleOrDefaultAsync(Ct);
            if (roleId is null)
            {
                roleId = Guid.NewGuid().ToString();
                db.Roles.Add(new IdentityRole { Id = roleId, Name = role, NormalizedName = role.ToUpperInvariant() });
            }
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = person.Id, RoleId = roleId });
        }
        db.UserClaims.Add(new IdentityUserClaim<string> { UserId = person.Id, ClaimType = "matcher:display_name", ClaimValue = person.DisplayName });
        db.UserLogins.Add(new IdentityUserLogin<string> { UserId = person.Id, LoginProvider = "Test", ProviderKey = person.Id + "-login", ProviderDisplayName = "Test" });
        db.UserTokens.Add(new IdentityUserToken<string> { UserId = person.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = person.Id + "-token" });
        await db.SaveChangesAsync(Ct);
    }

    public async Task<HashSet<string>> EmbeddingKeysAsync()
    {
        await using var db = await host.Db.CreateDbContextAsync(Ct);
        return (await db.Embeddings.Select(e => e.TextSha256).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
    }
}

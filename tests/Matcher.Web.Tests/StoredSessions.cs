using System.Text.Json;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Data;
using Matcher.Data.Entities;

namespace Matcher.Web.Tests;

/// <summary>What one stored session consists of.</summary>
public sealed record SeededSession(Guid SessionId, Guid CvId, Guid ReportId, Guid PostingId);

/// <summary>
/// A session as the app stores it after one match: a CV, a posting and a report scoring 40 with one
/// missing required licence ("r1"), owned by one person.
/// </summary>
public static class StoredSessions
{
    public static SeededSession Add(MatcherDbContext db, string ownerId, string cvText = "Registered nurse since 2015.")
    {
        var now = DateTimeOffset.UtcNow;
        var report = new MatchReport
        {
            Score = 40, Verdict = "Partial fit", PositionIndex = 0, PositionTitle = "Nurse",
            Summary = new MatchSummary(0, 0, 1, new KindCounts(0, 0, 1), new KindCounts(0, 0, 0)),
            Requirements = [new RequirementResult { Id = "r1", Text = "Registered nurse licence", Kind = RequirementKind.Required, Category = RequirementCategory.Other, Status = MatchStatus.Missing, Score = 0.2, Evidence = [], Reason = "not found" }],
            Receipt = new MatchReceipt { EngineVersion = "t", EmbeddingModel = "m", Weights = new Dictionary<string, double> { ["required"] = 1 }, Thresholds = new Dictionary<string, double>(), CvSha256 = "a", PostingSha256 = "b", CreatedAt = now },
        };
        var session = new MatchSessionEntity { Id = Guid.NewGuid(), OwnerId = ownerId, Title = "Nurse · Ward 4", CreatedAt = now, UpdatedAt = now };
        var cv = new CvEntity { Id = Guid.NewGuid(), OwnerId = ownerId, SessionId = session.Id, FileName = "cv.txt", Format = "PlainText", OriginalFile = System.Text.Encoding.UTF8.GetBytes(cvText), Sha256 = "a", Text = cvText, ParsedJson = "{}", CreatedAt = now };
        var posting = new PostingEntity { Id = Guid.NewGuid(), OwnerId = ownerId, Title = "Nurse", SourceText = "Registered nurse licence required.", FactsJson = "{}", CreatedAt = now, UpdatedAt = now };
        var row = new ReportEntity { Id = Guid.NewGuid(), OwnerId = ownerId, SessionId = session.Id, CvId = cv.Id, PostingId = posting.Id, PositionTitle = "Nurse", Score = 40, ReportJson = JsonSerializer.Serialize(report, MatcherJson.Options), CreatedAt = now };
        db.AddRange(session, cv, posting, row);
        db.SaveChanges();
        return new SeededSession(session.Id, cv.Id, row.Id, posting.Id);
    }
}

using Matcher.Core.Cvs;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Matcher.Core.Reports;
using Matcher.Data.Entities;

namespace Matcher.Web.Services.Ranking;

public sealed record RankingJobSummary(Guid Id, string PostingTitle, string Positions, RankingJobStatus Status, int Total, int Done, DateTimeOffset CreatedAt);

/// <summary>One applicant of a ranking as the page shows it.</summary>
public sealed record RankedApplicant(
    Guid Id, int Number, string FileName, string? Name, ContactDetails? Contact, bool Processed, string? Error,
    IReadOnlyList<string> Warnings, double? Years, string? Degree, IReadOnlyList<MatchReport?> Reports,
    ApplicantDecision Decision, string? Note, string? TextSha256 = null)
{
    public ApplicantIdentity Identity => new(Contact?.Email, Name, TextSha256);

    public string DisplayName(bool blind) => ToResult().DisplayName(blind);

    /// <summary>Why the CV could not be read, as the reviewer sees it: without the file name in blind review.</summary>
    public string? VisibleError(bool blind) => blind ? BlindReview.ErrorText(Error, FileName, Name) : Error;

    public MatchReport? ReportFor(int column) => column < Reports.Count ? Reports[column] : null;

    /// <summary>The report as the reviewer sees it: with names, contacts and links hidden in blind review.</summary>
    public MatchReport? VisibleReport(int column, bool blind) => ReportFor(column) is { } report && blind
        ? BlindReview.Redact(report, Contact ?? new ContactDetails { Name = Name }, FileName)
        : ReportFor(column);

    public ApplicantResult ToResult() => new(Number, FileName, Name, Reports, Error)
    {
        Decision = Decision switch
        {
            ApplicantDecision.Shortlisted => "shortlisted",
            ApplicantDecision.OnHold => "on hold",
            ApplicantDecision.Rejected => "rejected",
            _ => null,
        },
        DecisionNote = string.IsNullOrWhiteSpace(Note) ? null : Note,
    };
}

/// <summary>A ranking job with everything its page needs.</summary>
public sealed record RankingJobView(
    Guid Id, Posting Posting, string PostingTitle, RankingJobStatus Status, int Total, int Done, bool Blind, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, double WorkSeconds,
    IReadOnlyList<int> Positions, IReadOnlyList<RankedApplicant> Applicants, bool IsMine = true, bool SharedWithTeam = false)
{
    public bool IsActive => Status is RankingJobStatus.Queued or RankingJobStatus.Running;

    public string PositionTitle(int column) => Posting.Positions[Positions[column]].Title;

    /// <summary>Time left, from the average time per CV so far; null until one CV is done.</summary>
    public TimeSpan? Remaining => Done == 0 || !IsActive ? null : TimeSpan.FromSeconds(WorkSeconds / Done * (Total - Done));

    /// <summary>For each applicant (in <see cref="Applicants"/> order), the others who may be the same person.</summary>
    public IReadOnlyList<IReadOnlyList<PossibleDuplicate>> FindDuplicates() => ApplicantDuplicates.Find(Applicants.Select(a => a.Identity).ToList());

    public RankingResult ToResult() => new(Posting, Positions, Applicants.Where(a => a.Processed).Select(a => a.ToResult()).ToList());
}

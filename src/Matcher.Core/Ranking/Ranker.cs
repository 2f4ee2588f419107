using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Matching;
using Matcher.Core.Postings;

namespace Matcher.Core.Ranking;

/// <summary>An applicant's CV file, as uploaded.</summary>
public sealed record ApplicantFile(string Name, byte[] Content);

/// <summary>One applicant against every ranked position; <see cref="Error"/> is set when the CV could not be read.</summary>
public sealed record ApplicantResult(
    int Number, string File, string? Name, IReadOnlyList<MatchReport?> Reports, string? Error)
{
    /// <summary>The CV as read, when it could be read: contact details for blind review, warnings, years, degree.</summary>
    public CvDocument? Cv { get; init; }

    /// <summary>What the reviewer decided ("shortlisted", "on hold", "rejected"), when they did.</summary>
    public string? Decision { get; init; }

    /// <summary>The reviewer's note on the applicant.</summary>
    public string? DecisionNote { get; init; }

    /// <summary>"Candidate 7" in blind review, otherwise the name read from the CV (or the file name).</summary>
    public string DisplayName(bool blind) => blind ? $"Candidate {Number}" : Name ?? Path.GetFileNameWithoutExtension(File);

    /// <summary>Why the CV could not be read; in blind review without the file name or the applicant's name.</summary>
    public string? DisplayError(bool blind) => blind ? BlindReview.ErrorText(Error, File, Name) : Error;
}

public sealed record RankingResult(Posting Posting, IReadOnlyList<int> Positions, IReadOnlyList<ApplicantResult> Applicants)
{
    /// <summary>Applicants ordered best first for one of the ranked positions; unreadable CVs last.</summary>
    public IReadOnlyList<(ApplicantResult Applicant, MatchReport? Report)> RankFor(int column) => Applicants
        .Select(a => (Applicant: a, Report: a.Reports.Count > column ? a.Reports[column] : null))
        .OrderByDescending(x => x.Report?.Score ?? double.MinValue)
        .ThenBy(x => x.Applicant.Number)
        .ToList();
}

public sealed record RankProgress(int Done, int Total, string File);

/// <summary>
/// Reads many CVs and scores each against one or more positions. A CV that cannot be read is reported
/// with its reason and never stops the batch.
/// </summary>
public sealed class Ranker(CvReader cvReader, IMatchEngine engine)
{
    public async Task<RankingResult> RankAsync(
        Posting posting, IReadOnlyList<int> positions, IReadOnlyList<ApplicantFile> files,
        IProgress<RankProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        foreach (var index in positions)
            if (index < 0 || index >= posting.Positions.Count)
                throw new InputException($"The posting has {posting.Positions.Count} position(s); position {index + 1} does not exist.");

        // Numbering by file name keeps "Candidate 7" the same person however often the ranking is run.
        var ordered = files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var applicants = new List<ApplicantResult>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var file = ordered[i];
            applicants.Add(await ScoreAsync(i + 1, file, posting, positions, cancellationToken));
            progress?.Report(new RankProgress(i + 1, ordered.Count, file.Name));
        }
        return new RankingResult(posting, positions, applicants);
    }

    /// <summary>Reads and scores one applicant; a CV that cannot be read comes back with its reason instead of a report.</summary>
    public async Task<ApplicantResult> ScoreAsync(int number, ApplicantFile file, Posting posting, IReadOnlyList<int> positions, CancellationToken cancellationToken)
    {
        CvDocument cv;
        try
        {
            cv = cvReader.Read(file.Content, file.Name);
        }
        catch (InputException ex)
        {
            return new ApplicantResult(number, file.Name, null, [], ex.Message);
        }
        var reports = new List<MatchReport?>();
        foreach (var position in positions)
        {
            try
            {
                reports.Add(await engine.MatchAsync(cv, posting, position, cancellationToken));
            }
            catch (InputException ex)
            {
                return new ApplicantResult(number, file.Name, cv.Contact.Name, reports, ex.Message) { Cv = cv };
            }
        }
        return new ApplicantResult(number, file.Name, cv.Contact.Name, reports, null) { Cv = cv };
    }
}

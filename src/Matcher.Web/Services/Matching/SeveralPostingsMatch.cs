using Matcher.Core.Documents;

namespace Matcher.Web.Services.Matching;

/// <summary>A posting the person picked on Check my fit, with the words the page shows for it.</summary>
public sealed record PostingChoice(string Label, PostingInput Input);

public enum PostingRunState { Waiting, Matching, Done, Failed }

/// <summary>Where one posting of a run stands; <see cref="Message"/> says what went wrong when it failed.</summary>
public sealed record PostingRunStatus(PostingChoice Posting, PostingRunState State, string? Message = null, Guid? ReportId = null, double? Score = null);

/// <summary>
/// Matches one CV against several postings, one after another, so every report lands in the same session:
/// the first match stores the CV (or uses the stored one) and the others reuse it. A posting that fails is
/// reported with its reason and the run goes on with the rest.
/// </summary>
public sealed class SeveralPostingsMatch(MatchWorkflow workflow, ILogger<SeveralPostingsMatch> logger)
{
    /// <param name="draft">A CV read on the page and not stored yet; or null to use <paramref name="savedCvId"/>.</param>
    public async Task<IReadOnlyList<PostingRunStatus>> RunAsync(
        CvDraft? draft,
        Guid? savedCvId,
        IReadOnlyList<PostingChoice> postings,
        IProgress<IReadOnlyList<PostingRunStatus>>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (draft is null && savedCvId is null)
            throw new InputException("Add a CV first.");
        var statuses = postings.Select(p => new PostingRunStatus(p, PostingRunState.Waiting)).ToArray();
        var cvId = savedCvId;
        for (var i = 0; i < statuses.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            statuses[i] = statuses[i] with { State = PostingRunState.Matching };
            progress?.Report(statuses.ToArray());
            var input = postings[i].Input;
            try
            {
                if (cvId is { } id)
                {
                    var reportId = await workflow.MatchAsync(id, input, null, cancellationToken);
                    statuses[i] = statuses[i] with { State = PostingRunState.Done, ReportId = reportId };
                }
                else
                {
                    var outcome = await workflow.MatchDraftAsync(draft!, input, null, null, cancellationToken);
                    cvId = outcome.CvId;
                    statuses[i] = statuses[i] with { State = PostingRunState.Done, ReportId = outcome.ReportId, Score = outcome.Score };
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var failed = i;
                var message = UserErrors.MessageFor(ex, e => logger.LogError(e, "Matching posting {Index} of {Count} failed", failed + 1, statuses.Length),
                    "Matching failed on the server; this posting was not saved.", afterEmbeddingFailure: "");
                statuses[i] = statuses[i] with { State = PostingRunState.Failed, Message = message };
            }
            progress?.Report(statuses.ToArray());
        }
        return statuses;
    }
}

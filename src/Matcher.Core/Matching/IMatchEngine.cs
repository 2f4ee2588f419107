using Matcher.Core.Cvs;
using Matcher.Core.Postings;
using Matcher.Core.Reports;

namespace Matcher.Core.Matching;

/// <summary>Scores one CV against one position of a posting.</summary>
public interface IMatchEngine
{
    /// <exception cref="Documents.InputException">The CV or the position holds nothing to match.</exception>
    Task<MatchReport> MatchAsync(CvDocument cv, Posting posting, int positionIndex, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets ready to match many CVs: an engine that embeds may embed all their lines in one call, so each match after
    /// it finds its vectors cached. Matching gives the same reports whether or not this was called.
    /// </summary>
    Task PrepareAsync(IReadOnlyList<CvDocument> cvs, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

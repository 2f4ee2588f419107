using Matcher.Core.Cvs;
using Matcher.Core.Postings;

namespace Matcher.Core.Matching;

/// <summary>Scores one CV against one position of a posting.</summary>
public interface IMatchEngine
{
    /// <exception cref="Documents.InputException">The CV or the position holds nothing to match.</exception>
    Task<MatchReport> MatchAsync(CvDocument cv, Posting posting, int positionIndex, CancellationToken cancellationToken = default);
}

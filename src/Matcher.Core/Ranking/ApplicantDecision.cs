namespace Matcher.Core.Ranking;

/// <summary>
/// A coordinator's decision on one ranked applicant. The store keeps the member's name, not its number, so members
/// may be reordered or added; renaming one needs a migration of the rows that hold it.
/// </summary>
public enum ApplicantDecision { None, Shortlisted, OnHold, Rejected }

namespace Matcher.Core.Matching.Signals;

/// <summary>
/// One named reason the overall score is what it is: its value (0–1), the weight the fit model gives it, and the
/// points it adds to (or, for a gap, takes from) the 0–100 score, with a sentence a reader can check.
/// </summary>
public sealed record FitSignal(string Name, double Value, double Weight, double Points, string Explanation);

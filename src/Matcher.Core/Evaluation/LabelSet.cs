namespace Matcher.Core.Evaluation;

/// <summary>A human fit label for one CV against one position of one posting.</summary>
/// <param name="Posting">File name relative to the postings folder.</param>
/// <param name="Position">0-based position within the posting; 0 for single-position postings.</param>
/// <param name="Cv">File name relative to the CVs folder.</param>
/// <param name="Label">0 unrelated, 1 weak, 2 good with gaps, 3 strong fit.</param>
/// <param name="Score">The readers' fine score 0–100 when the set has one: it orders CVs that share a label.</param>
public sealed record LabelledPair(string Posting, int Position, string Cv, int Label, double? Score = null)
{
    /// <summary>What a scorer's order is compared with: the fine score where there is one, else the label.</summary>
    public double Reference => Score ?? Label;
}

/// <summary>The labelled pairs of an evaluation set and the text of every document they name.</summary>
public sealed record LabelSet
{
    public const int MinLabel = 0;
    public const int MaxLabel = 3;

    public required string LabelsPath { get; init; }
    public required IReadOnlyList<LabelledPair> Pairs { get; init; }

    /// <summary>Posting file name → text.</summary>
    public required IReadOnlyDictionary<string, string> PostingTexts { get; init; }

    /// <summary>CV file name → text.</summary>
    public required IReadOnlyDictionary<string, string> CvTexts { get; init; }

    /// <summary>Every distinct document in the set, postings first; baselines that learn corpus statistics use this.</summary>
    public IEnumerable<string> Documents => PostingTexts.Values.Concat(CvTexts.Values);
}

namespace Matcher.Core.Matching;

/// <summary>
/// Every number the engine scores with. Bound from <c>Matcher:Matching</c> and written into each receipt,
/// so a score can be reproduced and a change of weights is visible.
/// </summary>
public sealed class MatchingOptions
{
    public const string Section = "Matcher:Matching";

    /// <summary>Weight of a required qualification in the overall score.</summary>
    public double RequiredWeight { get; set; } = 1.0;

    /// <summary>Weight of a preferred qualification; below required so nice-to-haves only refine.</summary>
    public double PreferredWeight { get; set; } = 0.4;

    /// <summary>
    /// Extra weight of a requirement that names something checkable (a skill, tool, licence, degree, language or years)
    /// over one in general words: named things tell candidates apart, general wording matches everyone a little.
    /// </summary>
    public double SpecificWeight { get; set; } = 2.0;

    /// <summary>Share of the overall score taken away when every required qualification is missing (pro rata).</summary>
    public double MissingRequiredPenalty { get; set; } = 0.5;

    /// <summary>Requirement score at or above which a qualification is met.</summary>
    public double MetThreshold { get; set; } = 0.68;

    /// <summary>Requirement score at or above which a qualification is partly met.</summary>
    public double PartialThreshold { get; set; } = 0.42;

    /// <summary>Cosine similarity that counts as no evidence at all (maps to 0).</summary>
    public double SimilarityFloor { get; set; } = 0.20;

    /// <summary>Cosine similarity that counts as full evidence (maps to 1).</summary>
    public double SimilarityCeiling { get; set; } = 0.62;

    /// <summary>Share of a skill requirement's score that comes from naming the same skills (aliases included).</summary>
    public double LexicalWeight { get; set; } = 0.5;

    /// <summary>Share of a requirement's score that comes from the structured check (years, degree, language) when it has one.</summary>
    public double StructuredWeight { get; set; } = 0.5;

    /// <summary>A role counts toward years "in the field" when its best line is at least this similar to the requirement.</summary>
    public double RelevantRoleSimilarity { get; set; } = 0.35;

    /// <summary>A role counts toward years "in roles like this one" when one of its lines is at least this similar to the position's title, requirements or duties.</summary>
    public double RelatedRoleSimilarity { get; set; } = 0.5;

    /// <summary>Years in related roles that count as a full career-fit signal when the position states no minimum.</summary>
    public double UnstatedYears { get; set; } = 2;

    /// <summary>
    /// Reports made before the fit model scaled their score by this when an internship's applicant was not studying;
    /// kept so their overrides re-score the same way. New reports read career stage as the level signal.
    /// </summary>
    public double NotStudentFactor { get; set; } = 0.6;

    /// <summary>As <see cref="NotStudentFactor"/>, for an entry-level applicant with more than <see cref="EntryLevelMaxYears"/> (reports made before the fit model).</summary>
    public double OverQualifiedFactor { get; set; } = 0.85;

    /// <summary>Years of experience beyond which an entry-level or junior post counts the applicant as over-qualified.</summary>
    public double EntryLevelMaxYears { get; set; } = 4;

    /// <summary>Evidence lines shown per requirement.</summary>
    public int MaxEvidence { get; set; } = 3;

    public IReadOnlyDictionary<string, double> Weights() => new SortedDictionary<string, double>
    {
        ["required"] = RequiredWeight,
        ["preferred"] = PreferredWeight,
        ["specific"] = SpecificWeight,
        ["missingRequiredPenalty"] = MissingRequiredPenalty,
        ["lexical"] = LexicalWeight,
        ["structured"] = StructuredWeight,
        ["notStudentFactor"] = NotStudentFactor,
        ["overQualifiedFactor"] = OverQualifiedFactor,
    };

    public IReadOnlyDictionary<string, double> Thresholds() => new SortedDictionary<string, double>
    {
        ["met"] = MetThreshold,
        ["partial"] = PartialThreshold,
        ["similarityFloor"] = SimilarityFloor,
        ["similarityCeiling"] = SimilarityCeiling,
        ["relevantRoleSimilarity"] = RelevantRoleSimilarity,
        ["entryLevelMaxYears"] = EntryLevelMaxYears,
        ["relatedRoleSimilarity"] = RelatedRoleSimilarity,
        ["unstatedYears"] = UnstatedYears,
    };

    /// <summary>The options a receipt records, so a report can be re-scored exactly as it was; missing keys keep their defaults.</summary>
    public static MatchingOptions FromReceipt(MatchReceipt receipt)
    {
        var options = new MatchingOptions();
        var setters = new Dictionary<string, Action<double>>
        {
            ["required"] = v => options.RequiredWeight = v,
            ["preferred"] = v => options.PreferredWeight = v,
            ["specific"] = v => options.SpecificWeight = v,
            ["missingRequiredPenalty"] = v => options.MissingRequiredPenalty = v,
            ["lexical"] = v => options.LexicalWeight = v,
            ["structured"] = v => options.StructuredWeight = v,
            ["notStudentFactor"] = v => options.NotStudentFactor = v,
            ["overQualifiedFactor"] = v => options.OverQualifiedFactor = v,
            ["met"] = v => options.MetThreshold = v,
            ["partial"] = v => options.PartialThreshold = v,
            ["similarityFloor"] = v => options.SimilarityFloor = v,
            ["similarityCeiling"] = v => options.SimilarityCeiling = v,
            ["relevantRoleSimilarity"] = v => options.RelevantRoleSimilarity = v,
            ["entryLevelMaxYears"] = v => options.EntryLevelMaxYears = v,
            ["relatedRoleSimilarity"] = v => options.RelatedRoleSimilarity = v,
            ["unstatedYears"] = v => options.UnstatedYears = v,
        };
        foreach (var (name, value) in receipt.Weights.Concat(receipt.Thresholds))
            if (setters.TryGetValue(name, out var set))
                set(value);
        return options;
    }
}

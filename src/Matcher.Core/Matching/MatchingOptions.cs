using Matcher.Core.Reports;

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

    /// <summary>Within a skill requirement's lexical part, the share of its plain words (the rest is the named skills).</summary>
    public double KeywordShare { get; set; } = 0.2;

    /// <summary>For a requirement naming no known skill, the share of its score that comes from its words being in the CV.</summary>
    public double PlainWordShare { get; set; } = 0.25;

    /// <summary>A line is shown as evidence when it is this much more similar than <see cref="SimilarityFloor"/> (or names a required skill).</summary>
    public double EvidenceMargin { get; set; } = 0.1;

    /// <summary>Ranking bonus for an evidence line that names one of the requirement's skills over one that is merely similar.</summary>
    public double NamedSkillEvidenceBonus { get; set; } = 0.15;

    /// <summary>Below this share of the years asked, a years requirement can be at most partly met.</summary>
    public double YearsShortfallShare { get; set; } = 0.5;

    /// <summary>Degree score of enough experience where a posting accepts "or equivalent experience" in place of the degree.</summary>
    public double EquivalentExperienceDegreeScore { get; set; } = 0.85;

    /// <summary>Degree score of a degree one level below the one asked.</summary>
    public double DegreeOneLevelBelowScore { get; set; } = 0.5;

    /// <summary>How far below a threshold a capped requirement is held: "not quite met" rather than met.</summary>
    public double CapMargin { get; set; } = 0.01;

    /// <summary>Evidence lines shown per requirement.</summary>
    public int MaxEvidence { get; set; } = 3;

    /// <summary>How many of the CV's closest lines stand for its focus: enough to be more than a lucky line, few enough that a long CV is not diluted.</summary>
    public int FocusLines { get; set; } = 10;

    /// <summary>
    /// Most lines of one CV compared with the requirements. A CV has a few dozen to a couple of hundred; an academic's
    /// list of 600 publications would otherwise cost 600 embeddings for each applicant. Past the limit, long lists
    /// (projects, publications, other) give way first, then the tail of the rest.
    /// </summary>
    public int MaxCvLines { get; set; } = 400;

    /// <summary>
    /// Every number above under the name a receipt records it by, with the range that makes sense for it. Receipts,
    /// re-scoring from a receipt and validation all read this one table.
    /// </summary>
    public static IReadOnlyList<OptionKey> Keys { get; } =
    [
        Weight("required", o => o.RequiredWeight, (o, v) => o.RequiredWeight = v, 0, 10),
        Weight("preferred", o => o.PreferredWeight, (o, v) => o.PreferredWeight = v, 0, 10),
        Weight("specific", o => o.SpecificWeight, (o, v) => o.SpecificWeight = v, 0, 10),
        Weight("missingRequiredPenalty", o => o.MissingRequiredPenalty, (o, v) => o.MissingRequiredPenalty = v, 0, 1),
        Weight("lexical", o => o.LexicalWeight, (o, v) => o.LexicalWeight = v, 0, 1),
        Weight("structured", o => o.StructuredWeight, (o, v) => o.StructuredWeight = v, 0, 1),
        Weight("notStudentFactor", o => o.NotStudentFactor, (o, v) => o.NotStudentFactor = v, 0, 1),
        Weight("overQualifiedFactor", o => o.OverQualifiedFactor, (o, v) => o.OverQualifiedFactor = v, 0, 1),
        Weight("keywordShare", o => o.KeywordShare, (o, v) => o.KeywordShare = v, 0, 1),
        Weight("plainWordShare", o => o.PlainWordShare, (o, v) => o.PlainWordShare = v, 0, 1),
        Weight("namedSkillEvidenceBonus", o => o.NamedSkillEvidenceBonus, (o, v) => o.NamedSkillEvidenceBonus = v, 0, 1),
        Weight("equivalentExperienceDegreeScore", o => o.EquivalentExperienceDegreeScore, (o, v) => o.EquivalentExperienceDegreeScore = v, 0, 1),
        Weight("degreeOneLevelBelowScore", o => o.DegreeOneLevelBelowScore, (o, v) => o.DegreeOneLevelBelowScore = v, 0, 1),
        Threshold("met", o => o.MetThreshold, (o, v) => o.MetThreshold = v, 0, 1),
        Threshold("partial", o => o.PartialThreshold, (o, v) => o.PartialThreshold = v, 0, 1),
        Threshold("similarityFloor", o => o.SimilarityFloor, (o, v) => o.SimilarityFloor = v, -1, 1),
        Threshold("similarityCeiling", o => o.SimilarityCeiling, (o, v) => o.SimilarityCeiling = v, -1, 1),
        Threshold("relevantRoleSimilarity", o => o.RelevantRoleSimilarity, (o, v) => o.RelevantRoleSimilarity = v, -1, 1),
        Threshold("relatedRoleSimilarity", o => o.RelatedRoleSimilarity, (o, v) => o.RelatedRoleSimilarity = v, -1, 1),
        Threshold("entryLevelMaxYears", o => o.EntryLevelMaxYears, (o, v) => o.EntryLevelMaxYears = v, 0, 60),
        Threshold("unstatedYears", o => o.UnstatedYears, (o, v) => o.UnstatedYears = v, 0.1, 60),
        Threshold("evidenceMargin", o => o.EvidenceMargin, (o, v) => o.EvidenceMargin = v, 0, 1),
        Threshold("yearsShortfallShare", o => o.YearsShortfallShare, (o, v) => o.YearsShortfallShare = v, 0, 1),
        Threshold("capMargin", o => o.CapMargin, (o, v) => o.CapMargin = v, 0, 0.5),
        Threshold("maxEvidence", o => o.MaxEvidence, (o, v) => o.MaxEvidence = (int)Math.Round(v), 0, 20),
        Threshold("focusLines", o => o.FocusLines, (o, v) => o.FocusLines = (int)Math.Round(v), 1, 100),
        Threshold("maxCvLines", o => o.MaxCvLines, (o, v) => o.MaxCvLines = (int)Math.Round(v), 20, 5000),
    ];

    public IReadOnlyDictionary<string, double> Weights() => Table(OptionKind.Weight);

    public IReadOnlyDictionary<string, double> Thresholds() => Table(OptionKind.Threshold);

    /// <summary>The options a receipt records, so a report can be re-scored exactly as it was; missing keys keep their defaults.</summary>
    public static MatchingOptions FromReceipt(MatchReceipt receipt)
    {
        var options = new MatchingOptions();
        var byName = Keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
        foreach (var (name, value) in receipt.Weights.Concat(receipt.Thresholds))
            if (byName.TryGetValue(name, out var key))
                key.Set(options, value);
        return options;
    }

    /// <summary>What is wrong with these options, in words a person editing the configuration can act on; empty when nothing is.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var key in Keys)
        {
            var value = key.Get(this);
            if (double.IsNaN(value) || value < key.Min || value > key.Max)
                errors.Add($"{Section}:{key.Property} is {value}; it must be from {key.Min} to {key.Max}.");
        }
        if (PartialThreshold >= MetThreshold)
            errors.Add($"{Section}:PartialThreshold ({PartialThreshold}) must be below MetThreshold ({MetThreshold}).");
        if (SimilarityFloor >= SimilarityCeiling)
            errors.Add($"{Section}:SimilarityFloor ({SimilarityFloor}) must be below SimilarityCeiling ({SimilarityCeiling}).");
        return errors;
    }

    private SortedDictionary<string, double> Table(OptionKind kind) =>
        new(Keys.Where(k => k.Kind == kind).ToDictionary(k => k.Name, k => k.Get(this), StringComparer.Ordinal), StringComparer.Ordinal);

    private static OptionKey Weight(string name, Func<MatchingOptions, double> get, Action<MatchingOptions, double> set, double min, double max) =>
        new(name, OptionKind.Weight, get, set, min, max);

    private static OptionKey Threshold(string name, Func<MatchingOptions, double> get, Action<MatchingOptions, double> set, double min, double max) =>
        new(name, OptionKind.Threshold, get, set, min, max);
}

public enum OptionKind { Weight, Threshold }

/// <summary>One scoring number: its receipt name, which receipt table it is in, how to read and set it, and its sensible range.</summary>
public sealed record OptionKey(string Name, OptionKind Kind, Func<MatchingOptions, double> Get, Action<MatchingOptions, double> Set, double Min, double Max)
{
    /// <summary>The configuration key under <c>Matcher:Matching</c>: the property name, e.g. <c>MetThreshold</c>.</summary>
    public string Property => PropertyNames.GetValueOrDefault(Name, char.ToUpperInvariant(Name[0]) + Name[1..]);

    // Receipt names that differ from the property they stand for.
    private static readonly Dictionary<string, string> PropertyNames = new(StringComparer.Ordinal)
    {
        ["required"] = nameof(MatchingOptions.RequiredWeight),
        ["preferred"] = nameof(MatchingOptions.PreferredWeight),
        ["specific"] = nameof(MatchingOptions.SpecificWeight),
        ["lexical"] = nameof(MatchingOptions.LexicalWeight),
        ["structured"] = nameof(MatchingOptions.StructuredWeight),
        ["met"] = nameof(MatchingOptions.MetThreshold),
        ["partial"] = nameof(MatchingOptions.PartialThreshold),
    };
}

/// <summary>Refuses to start with scoring numbers out of range, naming each one.</summary>
public sealed class MatchingOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<MatchingOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, MatchingOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(errors);
    }
}

using Matcher.Core.Matching.Lexicon;
using Matcher.Core.Postings;
using Matcher.Core.Reports;

namespace Matcher.Core.Matching.Scoring;

/// <summary>
/// Scores one requirement against a CV: semantic similarity to the best CV lines, combined with the
/// skills it names (aliases included), then the structured checks the requirement states.
/// </summary>
internal sealed class RequirementScorer(MatchingOptions options, SkillLexicon lexicon)
{
    public RequirementResult Score(Requirement requirement, float[] query, IReadOnlyList<float[]> unitVectors, CvProfile cv)
    {
        var analysis = RequirementText.Analyse(requirement, lexicon);
        var similarities = unitVectors.Select(v => Cosine(query, v)).ToArray();
        var best = similarities.Length == 0 ? 0 : similarities.Max();
        var semantic = Calibrate(best);
        var reasons = new List<string>();

        var matchedConcepts = analysis.Concepts.Where(cv.Concepts.Contains).ToList();
        var missingConcepts = analysis.Concepts.Where(c => !cv.Concepts.Contains(c)).ToList();
        double? conceptCoverage = analysis.Concepts.Count == 0 ? null
            : analysis.AnyOf ? (matchedConcepts.Count > 0 ? 1 : 0)
            : (double)matchedConcepts.Count / analysis.Concepts.Count;
        double? keywordCoverage = analysis.Keywords.Count == 0 ? null
            : (double)analysis.Keywords.Count(cv.Stems.Contains) / analysis.Keywords.Count;

        double text;
        if (conceptCoverage is { } coverage)
        {
            var lexical = keywordCoverage is { } k ? (1 - options.KeywordShare) * coverage + options.KeywordShare * k : coverage;
            text = (1 - options.LexicalWeight) * semantic + options.LexicalWeight * lexical;
            if (matchedConcepts.Count > 0)
                reasons.Add($"CV names {string.Join(", ", matchedConcepts)}");
            if (missingConcepts.Count > 0 && !(analysis.AnyOf && matchedConcepts.Count > 0))
                reasons.Add($"not found: {string.Join(", ", missingConcepts)}");
        }
        else
        {
            text = (1 - options.PlainWordShare) * semantic + options.PlainWordShare * (keywordCoverage ?? semantic);
        }

        var (structured, cap) = StructuredChecks.Check(requirement, analysis, cv, unitVectors, query, options, reasons);
        if (Credentials.Names(requirement.Text) && conceptCoverage is { } held && held < 1)
        {
            // A licence or certificate not held cannot be made up by similar wording.
            cap = Math.Min(cap ?? 1, held == 0 ? options.PartialThreshold - options.CapMargin : options.MetThreshold - options.CapMargin);
            reasons.Add(held == 0 ? "a licence or certificate the posting names is not held" : "not every licence or certificate named is held");
        }
        var score = structured is { } s ? (1 - options.StructuredWeight) * text + options.StructuredWeight * s : text;
        if (cap is { } limit)
            score = Math.Min(score, limit);
        score = Math.Round(Math.Clamp(score, 0, 1), 3);

        var evidence = PickEvidence(similarities, cv, matchedConcepts);
        if (reasons.Count == 0)
            reasons.Add(evidence.Count > 0
                ? $"closest CV line is {best:0.00} similar"
                : "no line of the CV speaks to this");

        return new RequirementResult
        {
            Id = requirement.Id,
            Text = requirement.Text,
            Kind = requirement.Kind,
            Category = requirement.Category,
            Status = score >= options.MetThreshold ? MatchStatus.Met
                : score >= options.PartialThreshold ? MatchStatus.Partial
                : MatchStatus.Missing,
            Score = score,
            Evidence = evidence,
            Reason = Capitalise(string.Join("; ", reasons)),
            Weight = requirement.Weight,
            Gate = (Credentials.Names(requirement.Text) && !Credentials.ObtainableAfterHire(requirement.Text)) || analysis.Degree is not null,
            Specific = analysis.Concepts.Count > 0 || analysis.Degree is not null || analysis.Languages.Count > 0 || requirement.MinYears > 0,
        };
    }

    private List<Evidence> PickEvidence(double[] similarities, CvProfile cv, List<string> matchedConcepts)
    {
        // A line naming a required skill is better evidence than a merely similar one.
        var floor = options.SimilarityFloor + options.EvidenceMargin;
        return Enumerable.Range(0, similarities.Length)
            .Select(i => (Index: i, Rank: similarities[i] + (cv.UnitConcepts[i].Overlaps(matchedConcepts) ? options.NamedSkillEvidenceBonus : 0)))
            .Where(x => similarities[x.Index] >= floor || cv.UnitConcepts[x.Index].Overlaps(matchedConcepts))
            .OrderByDescending(x => x.Rank)
            .Take(options.MaxEvidence)
            .Select(x => cv.QuoteOf(x.Index) is { } quote
                ? new Evidence(quote.Text, cv.Units[x.Index].Section, Math.Round(similarities[x.Index], 3), quote.Start, quote.Length)
                : new Evidence(cv.Units[x.Index].Text, cv.Units[x.Index].Section, Math.Round(similarities[x.Index], 3)))
            // Two units read from one line of the text quote the same passage; show it once.
            .DistinctBy(e => (e.Start, e.Start is null ? e.Text : null))
            .ToList();
    }

    private double Calibrate(double cosine) =>
        Math.Clamp((cosine - options.SimilarityFloor) / (options.SimilarityCeiling - options.SimilarityFloor), 0, 1);

    internal static double Cosine(float[] a, float[] b)
    {
        // Vectors are unit length, so the dot product is the cosine.
        double dot = 0;
        for (var i = 0; i < a.Length; i++)
            dot += a[i] * b[i];
        return dot;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

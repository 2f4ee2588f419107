using System.Globalization;
using Matcher.Core.Cvs;
using Matcher.Core.Matching.Lexicon;
using Matcher.Core.Matching.Scoring;
using Matcher.Core.Postings;
using Matcher.Core.Reports;

namespace Matcher.Core.Matching.Signals;

/// <summary>The embedded texts of one match: the position's title, requirements and duties, and the CV's lines and titles.</summary>
internal sealed record SignalInputs(
    Position Position,
    string? TitleText,
    CareerStage Stage,
    float[]? Title,
    IReadOnlyList<float[]> Requirements,
    IReadOnlyList<float[]> Duties,
    IReadOnlyList<float[]> Units,
    IReadOnlyList<string> CvTitles,
    IReadOnlyList<float[]> CvTitleVectors,
    IReadOnlyList<RequirementResult> Results,
    CvProfile Cv,
    (double Factor, string? Note) LevelFit);

/// <summary>A signal's value before the fit model weighs it.</summary>
internal sealed record SignalValue(string Name, double Value, string Explanation);

/// <summary>
/// Reads a match the way a recruiter reads a CV against a posting: does it meet the requirements, does it show the
/// job's duties, is the candidate already doing this kind of job, for how long, and is anything the post cannot do
/// without missing. Every value is 0–1 and comes with the sentence that explains it.
/// </summary>
internal static class SignalExtractor
{
    public static IReadOnlyList<SignalValue> Extract(SignalInputs input, MatchingOptions options)
    {
        var signals = new List<SignalValue>
        {
            CoreSignal(input.Results, input.Requirements.Count == 0),
            DutiesSignal(input, options),
            RoleSignal(input, options),
            FocusSignal(input, options),
            YearsSignal(input, options),
            MustHavesSignal(input.Results),
            LevelSignal(input),
            SenioritySignal(input.TitleText, input.Cv.Cv, input.Cv.Now),
            DegreeFit.Signal(input.Position.Requirements, input.Cv.Degree, input.Cv.TotalYears, options, SkillLexicon.Default),
        };
        return signals;
    }

    /// <summary>The plain requirement-by-requirement score: read by models before <see cref="CoreSignal"/> replaced it, kept so their reports re-score after an advisor's change.</summary>
    public static SignalValue Requirements(IReadOnlyList<RequirementResult> results, MatchingOptions options, bool responsibilities)
    {
        var value = OverallScore.Compute(results, options) / 100;
        var summary = OverallScore.Summarise(results);
        return new SignalValue(SignalNames.Requirements, value,
            $"{summary.Met} met, {summary.Partial} partly met and {summary.Missing} missing of {results.Count} {(responsibilities ? "responsibilities" : "requirements")}");
    }

    /// <summary>
    /// The requirement scores weighted by how close each requirement is to the job's title (squared, so the few rows
    /// that name the job's own work outweigh the many any job asks for). A recruiter screening tellers looks for cash
    /// handling first; "attention to detail" is met by nearly every CV and tells applicants apart least. Computed from
    /// the rows alone, so an advisor's change to a row moves it too.
    /// </summary>
    public static SignalValue CoreSignal(IReadOnlyList<RequirementResult> results, bool responsibilities)
    {
        var rows = results.Where(r => r.Centrality is not null).ToList();
        if (rows.Count == 0)
            return new SignalValue(SignalNames.Core, 0, "The position has no title to tell its core requirements by");
        double weights = 0, points = 0;
        foreach (var row in rows)
        {
            var weight = CoreWeight(row);
            weights += weight;
            points += weight * row.Score;
        }
        var core = rows.OrderByDescending(r => r.Centrality).Take(3).ToList();
        var met = core.Count(r => r.Status == MatchStatus.Met);
        var noun = responsibilities ? "responsibilities" : "requirements";
        return new SignalValue(SignalNames.Core, points / weights,
            $"Of the {core.Count} {noun} closest to the job itself, {met} met: {string.Join("; ", core.Select(r => $"“{Shorten(r.Text, 60)}” {Reports.ReportExport.StatusText(r.Status)}"))}");
    }

    /// <summary>A row's weight in <see cref="CoreSignal"/>: its closeness to the title, squared, never quite zero.</summary>
    private static double CoreWeight(RequirementResult row)
    {
        var closeness = Math.Max(CoreFloor, row.Centrality ?? 0);
        return closeness * closeness;
    }

    /// <summary>The least closeness a row counts with, so a posting whose rows are all far from its title still weighs them all.</summary>
    private const double CoreFloor = 0.05;

    private static SignalValue DutiesSignal(SignalInputs input, MatchingOptions options)
    {
        // Where a position lists no separate duties, its requirements are the work it describes.
        var duties = input.Duties.Count > 0 ? input.Duties : input.Requirements;
        if (duties.Count == 0)
            return new SignalValue(SignalNames.Duties, 0, "The position describes no duties");
        var best = duties.Select(d => BestCosine(d, input.Units)).ToList();
        var value = best.Average(b => Calibrate(b, options));
        var shown = best.Count(b => b >= options.SimilarityCeiling - 0.1);
        return new SignalValue(SignalNames.Duties, value,
            $"The CV shows {shown} of the position's {duties.Count} {(input.Duties.Count > 0 ? "duties" : "requirements")} in close words");
    }

    private static SignalValue RoleSignal(SignalInputs input, MatchingOptions options)
    {
        if (input.Title is not { } title || input.TitleText is null)
            return new SignalValue(SignalNames.Role, 0, "The position has no title to compare the CV's job titles with");
        var best = (Text: (string?)null, Similarity: 0.0);
        for (var i = 0; i < input.CvTitleVectors.Count; i++)
        {
            var similarity = RequirementScorer.Cosine(title, input.CvTitleVectors[i]);
            if (similarity > best.Similarity)
                best = (input.CvTitles[i], similarity);
        }
        var value = Calibrate(best.Similarity, options);
        return new SignalValue(SignalNames.Role, value, best.Text is null
            ? "The CV names no job title"
            : $"Closest of the CV's titles to “{input.TitleText}”: “{Shorten(best.Text)}”");
    }

    private static SignalValue FocusSignal(SignalInputs input, MatchingOptions options)
    {
        var targets = Targets(input);
        var best = input.Units.Select(u => BestCosine(u, targets)).OrderDescending().ToList();
        if (best.Count == 0)
            return new SignalValue(SignalNames.Focus, 0, "The CV has no lines to read");
        var top = best.Take(options.FocusLines).ToList();
        var value = top.Average(b => Calibrate(b, options));
        var close = best.Count(b => b >= options.SimilarityCeiling - 0.1);
        return new SignalValue(SignalNames.Focus, value,
            $"{close} of the CV's {best.Count} lines are about this position's work");
    }

    private static SignalValue YearsSignal(SignalInputs input, MatchingOptions options)
    {
        var targets = Targets(input);
        var cv = input.Cv;
        var related = new HashSet<int>();
        for (var i = 0; i < cv.Units.Count; i++)
            if (cv.Units[i].RoleIndex is { } role && BestCosine(input.Units[i], targets) >= options.RelatedRoleSimilarity)
                related.Add(role);
        var years = ExperienceCalculator.Years(ExperienceCalculator.Spans(related.Select(i => cv.Cv.Experience[i]), cv.Now));
        var asked = input.Position.Requirements.Select(r => r.MinYears ?? 0).DefaultIfEmpty(0).Max();
        var bar = asked > 0 ? asked : options.UnstatedYears;
        var value = Math.Min(1, years / bar);
        var yearsText = years.ToString("0.#", CultureInfo.InvariantCulture);
        return new SignalValue(SignalNames.Years, value, asked > 0
            ? $"{yearsText} years in roles like this one; the position asks {asked.ToString("0.#", CultureInfo.InvariantCulture)}"
            : $"{yearsText} years in roles like this one");
    }

    public static SignalValue MustHavesSignal(IReadOnlyList<RequirementResult> results)
    {
        var gates = MustHaves.Of(results);
        if (gates.Count == 0)
            return new SignalValue(SignalNames.MustHaves, 1, "The position names no licence, certificate or degree it cannot do without");
        var missing = gates.Where(g => g.Status == MatchStatus.Missing).ToList();
        var value = 1 - missing.Count / (double)gates.Count;
        return new SignalValue(SignalNames.MustHaves, value, missing.Count == 0
            ? $"All {gates.Count} must-haves shown"
            : $"Not shown: {string.Join("; ", missing.Select(m => Shorten(m.Text)))}");
    }

    private static SignalValue LevelSignal(SignalInputs input) =>
        input.LevelFit.Note is { } note
            ? new SignalValue(SignalNames.Level, 0, note)
            : new SignalValue(SignalNames.Level, 1, input.Stage switch
            {
                CareerStage.Internship => "The position is an internship and the CV shows study in progress",
                CareerStage.EntryLevel => "The position is entry level and the CV is at that level",
                _ => "The position names no career stage",
            });

    /// <summary>
    /// How far the candidate's present level sits above the position's, read from job titles: a finance director
    /// applying to be a teller is not a near fit however close the field reads, and a recruiter screens them out.
    /// One level above (a senior or lead for a plain post) is no gap; each level beyond takes a third off.
    /// </summary>
    public static SignalValue SenioritySignal(string? positionTitle, CvDocument cv, YearMonth now)
    {
        var post = TitleLevel.Of(positionTitle ?? "");
        var (cvLevel, cvTitle) = TitleLevel.Present(cv, now);
        var gap = Math.Max(0, cvLevel - post - 1);
        var value = Math.Clamp(1 - gap / 3.0, 0, 1);
        return new SignalValue(SignalNames.Seniority, value, gap == 0
            ? "The CV's present titles are at or near the position's level"
            : $"The CV's present title “{Shorten(cvTitle ?? "")}” is {cvLevel - post} levels above “{positionTitle}”");
    }

    private static List<float[]> Targets(SignalInputs input)
    {
        var targets = new List<float[]>();
        if (input.Title is not null)
            targets.Add(input.Title);
        targets.AddRange(input.Requirements);
        targets.AddRange(input.Duties);
        return targets;
    }

    private static double BestCosine(float[] query, IReadOnlyList<float[]> among)
    {
        var best = 0.0;
        foreach (var vector in among)
            best = Math.Max(best, RequirementScorer.Cosine(query, vector));
        return best;
    }

    private static double Calibrate(double cosine, MatchingOptions options) =>
        Math.Clamp((cosine - options.SimilarityFloor) / (options.SimilarityCeiling - options.SimilarityFloor), 0, 1);

    private static string Shorten(string text, int length = 90) => text.Length <= length ? text : text[..(length - 3)].TrimEnd() + "…";
}

/// <summary>The required rows a position cannot do without: licences, certificates, degrees and enrolment.</summary>
internal static class MustHaves
{
    public static List<RequirementResult> Of(IReadOnlyList<RequirementResult> results) =>
        results.Where(r => r.Kind == RequirementKind.Required && r.Gate).ToList();
}

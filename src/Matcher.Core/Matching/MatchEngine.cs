using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Embeddings;
using Matcher.Core.Matching.Lexicon;
using Matcher.Core.Matching.Scoring;
using Matcher.Core.Matching.Signals;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Matcher.Core.Matching;

/// <summary>
/// The matching engine: embeds the position's requirements and the CV's lines, scores each requirement
/// (<see cref="RequirementScorer"/>) and combines them into an overall score with a receipt.
/// </summary>
public sealed class MatchEngine(
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<MatchingOptions> options,
    TimeProvider clock,
    FitModel? fitModel = null) : IMatchEngine
{
    public static readonly string Version =
        "matcher-engine/" + (typeof(MatchEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    // Requirement texts are the queries; CV lines are the passages they should find.
    private static readonly EmbeddingGenerationOptions QueryOptions = EmbeddingInputType.ForQueries();

    private readonly SkillLexicon _lexicon = SkillLexicon.Default;

    /// <summary>The combination of signals into a score: the shipped model unless a caller brings its own (evaluation folds do).</summary>
    private readonly FitModel model = fitModel ?? FitModel.Default;

    public async Task<MatchReport> MatchAsync(CvDocument cv, Posting posting, int positionIndex, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        if (positionIndex < 0 || positionIndex >= posting.Positions.Count)
            throw new InputException($"The posting has {posting.Positions.Count} position(s); position {positionIndex + 1} does not exist.");
        var position = posting.Positions[positionIndex];
        var (requirements, usedResponsibilities) = Targets(position);

        if (string.IsNullOrWhiteSpace(cv.Text))
            throw new InputException("The CV has no readable text, so there is nothing to score. Upload a CV with a text layer (not a scan).");
        cancellationToken.ThrowIfCancellationRequested();
        var units = EvidenceExtractor.Extract(cv, settings.MaxCvLines);
        if (units.Count == 0)
            throw new InputException("No experience, education or skills could be read from the CV. Check that it is the right file.");

        var queries = await EmbedAsync(requirements.Select(r => r.Text).ToList(), QueryOptions, cancellationToken);
        var documents = await EmbedAsync(units.Select(u => u.Text).ToList(), null, cancellationToken);

        cancellationToken.ThrowIfCancellationRequested();
        var now = clock.GetUtcNow();
        var profile = CvProfile.Build(cv, units, _lexicon, YearMonth.From(DateOnly.FromDateTime(now.UtcDateTime)));
        var scorer = new RequirementScorer(settings, _lexicon);
        var titleText = PositionTitle(posting, position);
        var title = titleText is null ? null : (await EmbedAsync([titleText], QueryOptions, cancellationToken))[0];
        // Each requirement is compared with every line of the CV; a match no one waits for stops between requirements.
        var results = new List<RequirementResult>(requirements.Count);
        for (var i = 0; i < requirements.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(scorer.Score(requirements[i], queries[i], documents, profile) with
            {
                Centrality = title is null ? null : Math.Round(Math.Max(0, RequirementScorer.Cosine(queries[i], title)), 4),
            });
        }

        var stage = PositionLevel.Stage(posting, position);
        var levelFit = PositionLevel.Fit(stage, profile, settings);
        var duties = usedResponsibilities ? [] : await EmbedAsync(position.Responsibilities, QueryOptions, cancellationToken);
        var cvTitles = CvTitles(cv);
        var cvTitleVectors = await EmbedAsync(cvTitles, null, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var values = SignalExtractor.Extract(new SignalInputs(
            position, titleText, stage, title,
            usedResponsibilities ? [] : queries, usedResponsibilities ? queries : duties,
            documents, cvTitles, cvTitleVectors, results, profile, levelFit), settings);
        var (score, verdict, signals, capNote, rawFit) = FitScore.Finish(values, model, results, levelFit.Note);
        return new MatchReport
        {
            Score = score,
            Verdict = verdict,
            LevelNote = levelFit.Note,
            Signals = signals,
            CapNote = capNote,
            RawFit = rawFit,
            PositionIndex = positionIndex,
            PositionTitle = position.Title,
            MatchedResponsibilities = usedResponsibilities,
            Summary = OverallScore.Summarise(results),
            Requirements = results,
            Receipt = new MatchReceipt
            {
                EngineVersion = Version,
                EmbeddingModel = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown",
                Weights = settings.Weights(),
                Thresholds = settings.Thresholds(),
                CvSha256 = Sha256(cv.Text),
                PostingSha256 = Sha256(JsonSerializer.Serialize(position, MatcherJson.Options)),
                CreatedAt = now,
                Model = model,
            },
        };
    }

    /// <summary>
    /// Embeds the lines and titles of many CVs in one call to the (caching) embedder: across CVs the model runs in full,
    /// length-sorted batches and a line shared by several CVs is embedded once; each match then reads its vectors back.
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<CvDocument> cvs, CancellationToken cancellationToken = default)
    {
        var texts = new List<string>();
        foreach (var cv in cvs.Where(c => !string.IsNullOrWhiteSpace(c.Text)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            texts.AddRange(EvidenceExtractor.Extract(cv, options.Value.MaxCvLines).Select(u => u.Text));
            texts.AddRange(CvTitles(cv));
        }
        if (texts.Count > 0)
            await embedder.GenerateAsync(texts, null, cancellationToken);
    }

    /// <summary>The requirements to score, or the responsibilities where a position lists no qualifications.</summary>
    private static (IReadOnlyList<Requirement> Targets, bool Responsibilities) Targets(Position position)
    {
        if (position.Requirements.Count > 0)
            return (position.Requirements, false);
        if (position.Responsibilities.Count == 0)
            throw new InputException($"The position “{position.Title}” lists no requirements or responsibilities to match against. Add them to the posting first.");
        return (position.Responsibilities
            .Select((text, i) => new Requirement { Id = $"t{i + 1}", Text = text, Kind = RequirementKind.Required })
            .ToList(), true);
    }

    /// <summary>The job's name as the posting gives it; a placeholder title names no job.</summary>
    private static string? PositionTitle(Posting posting, Position position) =>
        position.Title is { Length: > 0 } own && !own.StartsWith("Untitled", StringComparison.Ordinal) && !own.StartsWith("Position ", StringComparison.Ordinal)
            ? own
            : posting.Title;

    /// <summary>
    /// The CV's own words for what the candidate does: its headline, its job titles, its summary's first line. Embedded
    /// beside the evidence lines, so whoever erases a CV's cached vectors collects these texts too.
    /// </summary>
    public static List<string> CvTitles(CvDocument cv)
    {
        var titles = new List<string>();
        var headline = cv.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (headline is { Length: > 2 and <= 80 })
            titles.Add(headline);
        titles.AddRange(cv.Experience.Select(r => r.Title).OfType<string>().Where(t => t.Length > 2));
        if (EvidenceExtractor.SplitSentences(cv.Summary).FirstOrDefault() is { } first)
            titles.Add(first.Length > 200 ? first[..200] : first);
        return titles;
    }

    private async Task<List<float[]>> EmbedAsync(IReadOnlyList<string> texts, EmbeddingGenerationOptions? generationOptions, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
            return [];
        var embeddings = await embedder.GenerateAsync(texts, generationOptions, cancellationToken);
        if (embeddings.Count != texts.Count)
            throw new InvalidOperationException($"The embedding provider returned {embeddings.Count} vectors for {texts.Count} texts.");
        return embeddings.Select(e => Normalise(e.Vector.ToArray())).ToList();
    }

    private static float[] Normalise(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(v => (double)v * v));
        if (norm > 0 && Math.Abs(norm - 1) > 1e-4)
            for (var i = 0; i < vector.Length; i++)
                vector[i] = (float)(vector[i] / norm);
        return vector;
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

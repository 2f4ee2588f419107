using System.Threading.Channels;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Reports;

namespace Matcher.Core.Ranking;

/// <summary>
/// An applicant's CV file, as uploaded. <paramref name="Refusal"/> is set when the file was already found
/// unreadable on upload: it is then ranked with that reason, and its bytes are not kept.
/// </summary>
public sealed record ApplicantFile(string Name, byte[] Content, string? Refusal = null)
{
    /// <summary>The applicant as ranked after its upload was refused: the name and the reason, no content.</summary>
    public static ApplicantFile Refused(string name, string reason) => new(name, [], reason);
}

/// <summary>One applicant against every ranked position; <see cref="Error"/> is set when the CV could not be read.</summary>
public sealed record ApplicantResult(
    int Number, string File, string? Name, IReadOnlyList<MatchReport?> Reports, string? Error)
{
    /// <summary>The CV as read, when it could be read: contact details for blind review, warnings, years, degree.</summary>
    public CvDocument? Cv { get; init; }

    /// <summary>What the reviewer decided ("shortlisted", "on hold", "rejected"), when they did.</summary>
    public string? Decision { get; init; }

    /// <summary>The reviewer's note on the applicant.</summary>
    public string? DecisionNote { get; init; }

    /// <summary>"Candidate 7" in blind review, otherwise the name read from the CV (or the file name).</summary>
    public string DisplayName(bool blind) => blind ? $"Candidate {Number}" : Name ?? Path.GetFileNameWithoutExtension(File);

    /// <summary>Why the CV could not be read; in blind review without the file name or the applicant's name.</summary>
    public string? DisplayError(bool blind) => blind ? BlindReview.ErrorText(Error, File, Name) : Error;
}

public sealed record RankingResult(Posting Posting, IReadOnlyList<int> Positions, IReadOnlyList<ApplicantResult> Applicants)
{
    /// <summary>Applicants ordered best first for one of the ranked positions; unreadable CVs last.</summary>
    public IReadOnlyList<(ApplicantResult Applicant, MatchReport? Report)> RankFor(int column) => Applicants
        .Select(a => (Applicant: a, Report: a.Reports.Count > column ? a.Reports[column] : null))
        .OrderByDescending(x => x.Report?.Score ?? double.MinValue)
        .ThenBy(x => x.Applicant.Number)
        .ToList();
}

public sealed record RankProgress(int Done, int Total, string File);

/// <summary>Where a ranking's time went, summed over its CVs (readers run in parallel, so their time can exceed the wall time).</summary>
public sealed class RankingStages
{
    private long _readTicks, _prepareTicks, _scoreTicks;
    private int _mostWaiting;

    /// <summary>Most CVs read but not yet taken for embedding at any moment: bounded by the pipeline's capacity plus its readers.</summary>
    public int MostWaiting => Volatile.Read(ref _mostWaiting);

    public TimeSpan Read => TimeSpan.FromTicks(Interlocked.Read(ref _readTicks));
    public TimeSpan Prepare => TimeSpan.FromTicks(Interlocked.Read(ref _prepareTicks));
    public TimeSpan Score => TimeSpan.FromTicks(Interlocked.Read(ref _scoreTicks));

    internal void AddRead(TimeSpan time) => Interlocked.Add(ref _readTicks, time.Ticks);
    internal void AddPrepare(TimeSpan time) => Interlocked.Add(ref _prepareTicks, time.Ticks);
    internal void AddScore(TimeSpan time) => Interlocked.Add(ref _scoreTicks, time.Ticks);

    internal void NoteWaiting(int waiting)
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref _mostWaiting);
            if (waiting <= seen)
                return;
        }
        while (Interlocked.CompareExchange(ref _mostWaiting, waiting, seen) != seen);
    }
}

/// <summary>
/// Reads many CVs and scores each against one or more positions. A CV that cannot be read is reported
/// with its reason and never stops the batch. Reading runs on every core while earlier CVs are embedded and
/// scored; CVs are embedded in batches across applicants (<see cref="IMatchEngine.PrepareAsync"/>).
/// </summary>
public sealed class Ranker(CvReader cvReader, IMatchEngine engine, RankingPipelineOptions? pipeline = null)
{
    private readonly RankingPipelineOptions _pipeline = pipeline ?? new RankingPipelineOptions();

    public async Task<RankingResult> RankAsync(
        Posting posting, IReadOnlyList<int> positions, IReadOnlyList<ApplicantFile> files,
        IProgress<RankProgress>? progress = null, CancellationToken cancellationToken = default, RankingStages? stages = null)
    {
        foreach (var index in positions)
            if (index < 0 || index >= posting.Positions.Count)
                throw new InputException($"The posting has {posting.Positions.Count} position(s); position {index + 1} does not exist.");

        // Numbering by file name keeps "Candidate 7" the same person however often the ranking is run.
        var ordered = files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var applicants = new ApplicantResult[ordered.Count];
        var parsed = Channel.CreateBounded<Parsed>(new BoundedChannelOptions(Math.Max(1, _pipeline.Capacity)) { SingleReader = true });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waiting = 0;

        var reading = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, ordered.Count),
                    new ParallelOptions { MaxDegreeOfParallelism = _pipeline.ReaderCount, CancellationToken = linked.Token },
                    async (i, ct) =>
                    {
                        var item = Read(i, ordered[i], stages);
                        stages?.NoteWaiting(Interlocked.Increment(ref waiting));
                        await parsed.Writer.WriteAsync(item, ct);
                    });
                parsed.Writer.Complete();
            }
            catch (Exception ex)
            {
                parsed.Writer.Complete(ex);
            }
        }, CancellationToken.None);

        try
        {
            var done = 0;
            var batch = new List<Parsed>(_pipeline.BatchSize);
            while (await parsed.Reader.WaitToReadAsync(linked.Token))
            {
                batch.Clear();
                while (batch.Count < Math.Max(1, _pipeline.BatchSize) && parsed.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    Interlocked.Decrement(ref waiting);
                }

                var clock = System.Diagnostics.Stopwatch.StartNew();
                await engine.PrepareAsync(batch.Select(b => b.Cv).OfType<CvDocument>().ToList(), linked.Token);
                stages?.AddPrepare(clock.Elapsed);

                foreach (var item in batch)
                {
                    clock.Restart();
                    applicants[item.Index] = item.Cv is null
                        ? new ApplicantResult(item.Index + 1, item.File.Name, null, [], item.Error)
                        : await ScoreReadAsync(item.Index + 1, item.File, item.Cv, posting, positions, linked.Token);
                    stages?.AddScore(clock.Elapsed);
                    progress?.Report(new RankProgress(++done, ordered.Count, item.File.Name));
                }
            }
        }
        catch
        {
            await linked.CancelAsync();
            throw;
        }
        finally
        {
            await reading;
        }
        // A reader that failed outside the CV's own errors completes the channel with its exception.
        await parsed.Reader.Completion;
        return new RankingResult(posting, positions, applicants);
    }

    private sealed record Parsed(int Index, ApplicantFile File, CvDocument? Cv, string? Error);

    private Parsed Read(int index, ApplicantFile file, RankingStages? stages)
    {
        if (file.Refusal is not null)
            return new Parsed(index, file, null, file.Refusal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            return new Parsed(index, file, cvReader.Read(file.Content, file.Name), null);
        }
        catch (InputException ex)
        {
            return new Parsed(index, file, null, ex.Message);
        }
        finally
        {
            stages?.AddRead(clock.Elapsed);
        }
    }

    /// <summary>
    /// Reads a batch of applicants on every core, embeds their CVs in one call and scores them: what a ranking queue
    /// takes from its store at a time. Results come back in the order given.
    /// </summary>
    public async Task<IReadOnlyList<ApplicantResult>> ScoreManyAsync(
        IReadOnlyList<(int Number, ApplicantFile File)> applicants, Posting posting, IReadOnlyList<int> positions, CancellationToken cancellationToken)
    {
        var parsed = new Parsed[applicants.Count];
        await Parallel.ForAsync(0, applicants.Count, new ParallelOptions { MaxDegreeOfParallelism = _pipeline.ReaderCount, CancellationToken = cancellationToken },
            (i, _) =>
            {
                parsed[i] = Read(i, applicants[i].File, null);
                return ValueTask.CompletedTask;
            });
        await engine.PrepareAsync(parsed.Select(p => p.Cv).OfType<CvDocument>().ToList(), cancellationToken);
        var results = new List<ApplicantResult>(applicants.Count);
        for (var i = 0; i < applicants.Count; i++)
        {
            var (number, file) = applicants[i];
            results.Add(parsed[i].Cv is { } cv
                ? await ScoreReadAsync(number, file, cv, posting, positions, cancellationToken)
                : new ApplicantResult(number, file.Name, null, [], parsed[i].Error));
        }
        return results;
    }

    /// <summary>Reads and scores one applicant; a CV that cannot be read comes back with its reason instead of a report.</summary>
    public async Task<ApplicantResult> ScoreAsync(int number, ApplicantFile file, Posting posting, IReadOnlyList<int> positions, CancellationToken cancellationToken)
    {
        if (file.Refusal is not null)
            return new ApplicantResult(number, file.Name, null, [], file.Refusal);
        CvDocument cv;
        try
        {
            cv = cvReader.Read(file.Content, file.Name);
        }
        catch (InputException ex)
        {
            return new ApplicantResult(number, file.Name, null, [], ex.Message);
        }
        return await ScoreReadAsync(number, file, cv, posting, positions, cancellationToken);
    }

    private async Task<ApplicantResult> ScoreReadAsync(int number, ApplicantFile file, CvDocument cv, Posting posting, IReadOnlyList<int> positions, CancellationToken cancellationToken)
    {
        var reports = new List<MatchReport?>();
        foreach (var position in positions)
        {
            try
            {
                reports.Add(await engine.MatchAsync(cv, posting, position, cancellationToken));
            }
            catch (InputException ex)
            {
                return new ApplicantResult(number, file.Name, cv.Contact.Name, reports, ex.Message) { Cv = cv };
            }
        }
        return new ApplicantResult(number, file.Name, cv.Contact.Name, reports, null) { Cv = cv };
    }
}

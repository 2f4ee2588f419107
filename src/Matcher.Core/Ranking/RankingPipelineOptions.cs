namespace Matcher.Core.Ranking;

/// <summary>How a ranking spreads its work over the machine.</summary>
/// <param name="Readers">CVs read and parsed at once; reading is CPU-bound, so one per core.</param>
/// <param name="BatchSize">Parsed CVs embedded together: large enough to fill the model's batches, small enough that results flow steadily.</param>
/// <param name="Capacity">Parsed CVs waiting to be embedded at most; readers wait when it is full, so memory stays flat however many CVs there are.</param>
public sealed record RankingPipelineOptions(int Readers = 0, int BatchSize = 32, int Capacity = 64)
{
    public int ReaderCount => Readers > 0 ? Readers : Environment.ProcessorCount;
}

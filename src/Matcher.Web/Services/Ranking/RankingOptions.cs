namespace Matcher.Web.Services.Ranking;

/// <summary>Bound from <c>Matcher:Ranking</c>: how large a ranking may be and, on a shared store, how instances share its work.</summary>
public sealed class RankingOptions
{
    public const string Section = "Matcher:Ranking";

    /// <summary>Most CVs in one ranking.</summary>
    public int MaxApplicants { get; set; } = 5_000;

    /// <summary>
    /// On a shared store, how long an instance's claim on a batch of applicants holds. The instance working on the
    /// batch renews the claim every third of this, so a slow batch stays its own; an instance that stops without
    /// finishing its batch leaves it to the others once this has passed since its last renewal.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>On a shared store, how often each instance reads the rankings' progress so its pages show work done by the others.</summary>
    public TimeSpan SharedPollInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Largest zip of CVs accepted as one upload, in bytes; each CV inside still has the one-file limit. A zip is
    /// copied to disk as it arrives and read from there one CV at a time, so this bounds the disk, not memory.
    /// </summary>
    public long MaxZipBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Most bytes of CV files in one ranking. Each file goes to the file store as soon as it is read, so this bounds
    /// the disk a ranking takes, not memory; 5,000 two-page PDFs take about 1 GB.
    /// </summary>
    public long MaxTotalBytes { get; set; } = 2048L * 1024 * 1024;

    internal static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";
}

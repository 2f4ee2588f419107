namespace Matcher.Web.Services.Privacy;

/// <summary>How long personal data is kept. Bound from <c>Matcher:Privacy</c>.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Matcher:Privacy";

    /// <summary>CVs and ranking applicants older than this many days are deleted; 0 keeps them forever.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>How often the retention sweep and the removal of unused files run.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// Rebuild the database file (VACUUM) after "delete my data", so it keeps no free pages. Deleted rows are
    /// zeroed and the write-ahead log emptied either way; VACUUM also returns the space, but copies the whole file,
    /// which takes seconds on a store with a large embedding cache.
    /// </summary>
    public bool VacuumAfterErasure { get; set; } = true;

    public bool KeepsForever => RetentionDays == 0;

    /// <summary>"365 days" or "forever", as the settings page shows it.</summary>
    public string Describe() => KeepsForever ? "Forever (no automatic deletion)" : RetentionDays == 1 ? "1 day" : $"{RetentionDays:N0} days";
}

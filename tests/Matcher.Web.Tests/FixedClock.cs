namespace Matcher.Web.Tests;

/// <summary>A clock stopped at one moment, so years of experience do not drift with the calendar.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedClock November2026 = new(new DateTimeOffset(2026, 11, 15, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}

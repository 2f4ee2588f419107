using Microsoft.Extensions.Time.Testing;

namespace Matcher.Web.Tests;

/// <summary>
/// The one instant the tests start at, so years of experience, retention ages and lease expiries do not drift
/// with the calendar. Each test gets its own clock, so one test's <c>Advance</c> never moves another's.
/// </summary>
public static class TestTime
{
    public static readonly DateTimeOffset November2026 = new(2026, 11, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A clock standing at <see cref="November2026"/>. Timers on it (MudBlazor's input debounce, the retention
    /// worker's tick) fire only when the test advances it.
    /// </summary>
    public static FakeTimeProvider Clock() => new(November2026);
}

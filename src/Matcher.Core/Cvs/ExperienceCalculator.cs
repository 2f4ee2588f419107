namespace Matcher.Core.Cvs;

/// <summary>
/// Years of experience from dated roles: the union of their month intervals, so overlapping roles count once.
/// An end month is exclusive ("2021-03 to 2023-09" is 30 months); a current role runs to this month.
/// </summary>
public static class ExperienceCalculator
{
    public static double TotalYears(IEnumerable<Role> roles, YearMonth today)
    {
        var intervals = roles
            .Where(r => r.Start is not null && (r.End is not null || r.IsCurrent))
            .Select(r => (Start: r.Start!.Value.TotalMonths, End: (r.IsCurrent ? today : r.End!.Value).TotalMonths))
            .Where(i => i.End > i.Start)
            .OrderBy(i => i.Start)
            .ToList();

        var months = 0;
        int? runStart = null, runEnd = null;
        foreach (var (start, end) in intervals)
        {
            if (runEnd is { } e && start <= e)
            {
                runEnd = Math.Max(e, end);
                continue;
            }
            if (runStart is { } s && runEnd is { } re)
                months += re - s;
            (runStart, runEnd) = (start, end);
        }
        if (runStart is { } fs && runEnd is { } fe)
            months += fe - fs;
        return Math.Round(months / 12.0, 1);
    }
}

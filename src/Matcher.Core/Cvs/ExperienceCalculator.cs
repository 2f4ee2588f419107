namespace Matcher.Core.Cvs;

/// <summary>
/// Years of experience from dated roles: the union of their month intervals, so overlapping roles count once.
/// An end month is exclusive ("2021-03 to 2023-09" is 30 months); a current role runs to this month.
/// </summary>
public static class ExperienceCalculator
{
    /// <summary>A stretch of time covered by one or more roles without a gap.</summary>
    public sealed record Span(YearMonth Start, YearMonth End)
    {
        public int Months => End.TotalMonths - Start.TotalMonths;
    }

    public static double TotalYears(IEnumerable<Role> roles, YearMonth today) => Years(Spans(roles, today));

    public static double Years(IEnumerable<Span> spans) => Math.Round(spans.Sum(s => s.Months) / 12.0, 1);

    /// <summary>The merged spans of the dated roles, earliest first.</summary>
    public static IReadOnlyList<Span> Spans(IEnumerable<Role> roles, YearMonth today)
    {
        var intervals = roles
            .Where(r => r.Start is not null && (r.End is not null || r.IsCurrent))
            .Select(r => new Span(r.Start!.Value, r.IsCurrent ? today : r.End!.Value))
            .Where(s => s.Months > 0)
            .OrderBy(s => s.Start.TotalMonths);

        var merged = new List<Span>();
        foreach (var span in intervals)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                if (span.End > merged[^1].End)
                    merged[^1] = merged[^1] with { End = span.End };
            }
            else
                merged.Add(span);
        }
        return merged;
    }
}

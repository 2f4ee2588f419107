using System.Globalization;
using System.Text.RegularExpressions;

namespace Matcher.Core.Postings.Reading;

/// <summary>
/// Reads a pay range written in prose: "$120,000 – $150,000 per year", "£45k-£55k", "EUR 3,800 to 4,600 a month".
/// Only text that names pay (a salary/compensation line or details entry) is read, so other figures are not mistaken for it.
/// </summary>
internal static partial class SalaryText
{
    private static readonly Dictionary<string, string> Symbols = new()
    {
        ["$"] = "USD", ["US$"] = "USD", ["£"] = "GBP", ["€"] = "EUR", ["¥"] = "JPY", ["₹"] = "INR", ["CHF"] = "CHF",
    };

    [GeneratedRegex(@"(?<cur1>US\$|[$£€¥₹]|\b[A-Z]{3}\b)?\s?(?<min>\d{1,3}(?:[,.\s]\d{3})*(?:\.\d+)?)\s?(?<k1>[kK])?\s*(?:-|–|—|to|bis|à)\s*(?<cur2>US\$|[$£€¥₹]|\b[A-Z]{3}\b)?\s?(?<max>\d{1,3}(?:[,.\s]\d{3})*(?:\.\d+)?)\s?(?<k2>[kK])?|(?<cur1>US\$|[$£€¥₹]|\b[A-Z]{3}\b)\s?(?<min>\d{1,3}(?:[,.\s]\d{3})*(?:\.\d+)?)\s?(?<k1>[kK])?")]
    private static partial Regex Amounts();

    [GeneratedRegex(@"\b(?<period>year|annum|annual|yr|month|monthly|week|weekly|day|daily|hour|hourly|hr)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Period();

    [GeneratedRegex(@"salary|compensation|pay\b|pay range|remuneration|wage|gehalt|salaire", RegexOptions.IgnoreCase)]
    private static partial Regex PayWord();

    private const int MaxRangeGap = 80;

    [GeneratedRegex(@"\bto\b|-|–|—|\bbis\b|\bà\b", RegexOptions.IgnoreCase)]
    private static partial Regex RangeWord();

    public static bool NamesPay(string text) => PayWord().IsMatch(text);

    public static Salary? Read(string text)
    {
        foreach (Match match in Amounts().Matches(text))
        {
            var currency = Currency(match.Groups["cur1"].Value) ?? Currency(match.Groups["cur2"].Value);
            if (currency is null)
                continue;
            var min = Amount(match.Groups["min"].Value, match.Groups["k1"].Success || match.Groups["k2"].Success);
            var max = match.Groups["max"].Success ? Amount(match.Groups["max"].Value, match.Groups["k2"].Success) : min;
            var end = match.Index + match.Length;
            // "from $129,300/year in our lowest market up to $223,600/year": a second amount a little further on.
            if (!match.Groups["max"].Success && match.NextMatch() is { Success: true } next && next.Index - end <= MaxRangeGap
                && RangeWord().IsMatch(text[end..next.Index]) && Currency(next.Groups["cur1"].Value) == currency)
            {
                max = Amount(next.Groups["min"].Value, next.Groups["k1"].Success);
            }
            var period = Period().Match(text[match.Index..]) is { Success: true } p ? Canonical(p.Value) : null;
            return new Salary(currency, min, max, period);
        }
        return null;
    }

    private static string? Currency(string symbol) =>
        symbol.Length == 0 ? null : Symbols.TryGetValue(symbol, out var code) ? code : symbol.Length == 3 && symbol.All(char.IsUpper) ? symbol : null;

    private static decimal? Amount(string digits, bool thousands)
    {
        var clean = Regex.Replace(digits, @"[,\s]|\.(?=\d{3}\b)", "");
        if (!decimal.TryParse(clean, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            return null;
        return thousands ? value * 1000 : value;
    }

    private static string Canonical(string period) => period.ToLowerInvariant() switch
    {
        "annum" or "annual" or "yr" or "year" => "year",
        "monthly" or "month" => "month",
        "weekly" or "week" => "week",
        "daily" or "day" => "day",
        _ => "hour",
    };
}

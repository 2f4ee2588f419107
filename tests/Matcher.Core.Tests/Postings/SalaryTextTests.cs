using Matcher.Core.Postings;
using Matcher.Core.Postings.Reading;

namespace Matcher.Core.Tests.Postings;

public sealed class SalaryTextTests
{
    public static TheoryData<string, Salary?> Examples => new()
    {
        { "$120,000 – $150,000 per year", new Salary("USD", 120000m, 150000m, "year") },
        { "£45k-£55k per annum", new Salary("GBP", 45000m, 55000m, "year") },
        { "EUR 3,800 to 4,600 a month", new Salary("EUR", 3800m, 4600m, "month") },
        { "USD 42 per hour", new Salary("USD", 42m, 42m, "hour") },
        { "Competitive, depending on experience", null },
        { "Between 10 and 20 people", null },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Reads_pay_ranges_written_in_prose(string text, Salary? expected)
    {
        Assert.Equal(expected, SalaryText.Read(text));
    }
}

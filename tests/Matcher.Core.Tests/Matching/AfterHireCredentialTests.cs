using System.Text;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Matching.Scoring;
using Matcher.Core.Matching.Signals;
using Matcher.Core.Postings;
using Matcher.Core.Reports;

namespace Matcher.Core.Tests.Matching;

public class AfterHireCredentialTests(MatchEngineFixture fixture) : IClassFixture<MatchEngineFixture>
{
    [Theory]
    [InlineData("Forklift certificate, or gained in the first three months of employment", true)]
    [InlineData("Must obtain a state guard licence within 90 days of hire", true)]
    [InlineData("CPR certification within six months of start date", true)]
    [InlineData("Willing to obtain a food handler certificate", true)]
    [InlineData("Current CPR certification required", false)]
    [InlineData("Certified within the last two years in first aid", false)]
    [InlineData("Licensed in the state; renewed within 30 days of expiry", false)]
    public void A_credential_the_posting_lets_new_staff_earn_after_hire_is_told_from_one_it_screens_by(string requirement, bool afterHire) =>
        Assert.Equal(afterHire, Credentials.ObtainableAfterHire(requirement));

    private const string Cv = """
        # Security Officer

        ## Experience

        ### Security Officer, Harbour Mall
        2019 - present
        - Patrolled the site at night, answered alarms and wrote incident reports
        - Checked visitors in and out and kept the gate log
        """;

    private static string Posting(string licence) => $"""
        # Night Security Officer

        ## Requirements
        - Two years of security patrol experience
        - {licence}
        """;

    private async Task<(RequirementResult Row, double MustHaves, string? Cap)> LicenceRow(string licence)
    {
        var cv = new CvReader(new DocumentReader(), MatchEngineFixture.Clock()).Read(Encoding.UTF8.GetBytes(Cv), "cv.md");
        var posting = new PostingReader().Read(Encoding.UTF8.GetBytes(Posting(licence)), "posting.md");
        var report = await fixture.Engine.MatchAsync(cv, posting, 0, TestContext.Current.CancellationToken);
        var row = Assert.Single(report.Requirements, r => r.Text.Contains("licence", StringComparison.Ordinal));
        return (row, report.Signals.Single(s => s.Name == SignalNames.MustHaves).Value, report.CapNote);
    }

    [Fact]
    public async Task An_applicant_without_a_licence_the_employer_has_new_staff_earn_is_not_held_at_the_cap()
    {
        var strict = await LicenceRow("State guard licence required");
        var afterHire = await LicenceRow("State guard licence required, or obtained within 90 days of hire");

        Assert.True(strict.Row.Gate);
        Assert.True(strict.MustHaves < 1, $"strict must-haves {strict.MustHaves}");
        Assert.NotNull(strict.Cap);
        Assert.False(afterHire.Row.Gate);
        Assert.Equal(1, afterHire.MustHaves);
        Assert.Null(afterHire.Cap);
        // The row still says the licence is not shown: a CV that holds it reads better there.
        Assert.NotEqual(MatchStatus.Met, afterHire.Row.Status);
    }
}

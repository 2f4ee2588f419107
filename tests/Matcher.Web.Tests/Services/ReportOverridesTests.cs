using System.Text.Json;
using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Data.Entities;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matcher.Web.Tests.Services;

public sealed class ReportOverridesTests : IDisposable
{
    private readonly SqliteStore _store = new();
    private readonly ICurrentUser _advisor = TestUser.Local();

    private Guid SaveReport()
    {
        using var db = _store.CreateDbContext();
        return StoredSessions.Add(db, _advisor.Id).ReportId;
    }

    [Fact]
    public async Task An_override_changes_the_reopened_report_and_keeps_the_engine_result()
    {
        var reportId = SaveReport();
        var overrides = new ReportOverrides(_store, _advisor, new AccessScope(_advisor), new Matcher.Web.Services.Audit.AuditLog(_store, TimeProvider.System), TimeProvider.System, NullLogger<ReportOverrides>.Instance);

        await overrides.SaveAsync(reportId, "r1", MatchStatus.Met, "Licence number checked with the register", TestContext.Current.CancellationToken);

        var saved = await new SessionQueries(_store, new AccessScope(_advisor), _store.Files).GetReportAsync(reportId, TestContext.Current.CancellationToken);
        var row = Assert.Single(saved!.Report.Requirements);
        Assert.Equal(MatchStatus.Met, row.Status);
        Assert.Equal(MatchStatus.Missing, row.Override!.OriginalStatus);
        Assert.Equal(_advisor.DisplayName, row.Override.ChangedBy);
        Assert.Equal(40, saved.Report.OriginalScore);
        Assert.Equal(100, saved.Report.Score);
        using var db = _store.CreateDbContext();
        Assert.Equal(40, db.Reports.Single().Score);
    }

    [Fact]
    public async Task An_override_without_a_reason_is_refused_and_nothing_is_stored()
    {
        var reportId = SaveReport();
        var overrides = new ReportOverrides(_store, _advisor, new AccessScope(_advisor), new Matcher.Web.Services.Audit.AuditLog(_store, TimeProvider.System), TimeProvider.System, NullLogger<ReportOverrides>.Instance);

        var error = await Assert.ThrowsAsync<InputException>(() => overrides.SaveAsync(reportId, "r1", MatchStatus.Met, "  ", TestContext.Current.CancellationToken));

        Assert.Contains("Say why", error.Message, StringComparison.Ordinal);
        using var db = _store.CreateDbContext();
        Assert.Empty(db.ReportOverrides);
    }

    public void Dispose() => _store.Dispose();
}

using System.Text.Json;
using Matcher.Core.Documents;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Sessions;
using Matcher.Web.Services.Ranking;

namespace Matcher.Web;

/// <summary>Plain HTTP downloads that a browser saves as files.</summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapMatcherDownloads(this IEndpointRouteBuilder endpoints)
    {
        // Every download needs a signed-in person, reads through the same scoped services as the pages,
        // and leaves an export entry in the audit log. A download that cannot be given says why, with the
        // status of its kind (see UserErrors).
        var app = endpoints.MapGroup("").RequireAuthorization().AddEndpointFilter(AuditExports).AddEndpointFilter(UserErrors.AnswerInputErrors);
        app.MapGet("/files/cvs/{id:guid}", async (Guid id, SessionQueries queries, CancellationToken ct) =>
        {
            var file = await queries.GetCvFileAsync(id, ct) ?? throw new NotFoundException(CvNotFound);
            return Results.File(file.Content, "application/octet-stream", file.FileName);
        });

        app.MapGet("/reports/{id:guid}/report.json", async (Guid id, SessionQueries queries, CancellationToken ct) =>
        {
            var saved = await queries.GetReportAsync(id, ct) ?? throw new NotFoundException(ReportNotFound);
            return Results.File(JsonSerializer.SerializeToUtf8Bytes(saved.Report, MatcherJson.Indented), "application/json", $"matcher-report-{id:N}.json");
        });
        app.MapGet("/reports/{id:guid}/report.csv", async (Guid id, SessionQueries queries, CancellationToken ct) =>
        {
            var saved = await queries.GetReportAsync(id, ct) ?? throw new NotFoundException(ReportNotFound);
            return Results.File(ReportExport.Csv(saved.Report), "text/csv", $"matcher-report-{id:N}.csv");
        });

        app.MapGet("/reports/{id:guid}/report.docx", async (Guid id, SessionQueries queries, CancellationToken ct) =>
        {
            var saved = await queries.GetReportAsync(id, ct) ?? throw new NotFoundException(ReportNotFound);
            return Results.File(ReportExport.Docx(saved.Report, $"{saved.PostingTitle} — fit report"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"matcher-report-{id:N}.docx");
        });
        app.MapRankingDownloads();
        return endpoints;
    }

    private const string CvNotFound = "This CV does not exist or is not yours. Open it from your sessions.";
    private const string ReportNotFound = "This report does not exist or is not shared with you. Open it from your sessions.";

    private static async ValueTask<object?> AuditExports(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult or Microsoft.AspNetCore.Http.HttpResults.FileStreamHttpResult)
        {
            var services = context.HttpContext.RequestServices;
            await services.GetRequiredService<Services.Audit.AuditLog>().RecordAsync(
                services.GetRequiredService<ICurrentUser>(), Services.Audit.AuditActions.Export,
                context.HttpContext.Request.Path.Value, cancellationToken: context.HttpContext.RequestAborted);
        }
        return result;
    }
}

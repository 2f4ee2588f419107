using System.Text.Json;
using Matcher.Core.Reports;
using Matcher.Core.Serialization;
using Matcher.Web.Services;
using Matcher.Web.Services.Ranking;

namespace Matcher.Web;

/// <summary>Plain HTTP downloads that a browser saves as files.</summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapMatcherDownloads(this IEndpointRouteBuilder endpoints)
    {
        // Every download needs a signed-in person, reads through the same scoped services as the pages,
        // and leaves an export entry in the audit log.
        var app = endpoints.MapGroup("").RequireAuthorization().AddEndpointFilter(AuditExports);
        app.MapGet("/files/cvs/{id:guid}", async (Guid id, SessionQueries queries, CancellationToken ct) =>
            await queries.GetCvFileAsync(id, ct) is { } file
                ? Results.File(file.Content, "application/octet-stream", file.FileName)
                : Results.NotFound());

        app.MapGet("/reports/{id:guid}/report.json", async (Guid id, SessionQueries queries, CancellationToken ct) =>
            await queries.GetReportAsync(id, ct) is { } saved
                ? Results.File(JsonSerializer.SerializeToUtf8Bytes(saved.Report, MatcherJson.Indented), "application/json", $"matcher-report-{id:N}.json")
                : Results.NotFound());
        app.MapGet("/reports/{id:guid}/report.csv", async (Guid id, SessionQueries queries, CancellationToken ct) =>
            await queries.GetReportAsync(id, ct) is { } saved
                ? Results.File(ReportExport.Csv(saved.Report), "text/csv", $"matcher-report-{id:N}.csv")
                : Results.NotFound());

        app.MapGet("/reports/{id:guid}/report.docx", async (Guid id, SessionQueries queries, CancellationToken ct) =>
            await queries.GetReportAsync(id, ct) is { } saved
                ? Results.File(ReportExport.Docx(saved.Report, $"{saved.PostingTitle} — fit report"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"matcher-report-{id:N}.docx")
                : Results.NotFound());
        app.MapRankingDownloads();
        return endpoints;
    }

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

using Matcher.Core.Documents;
using Matcher.Core.Ranking;
using Matcher.Data.Files;

namespace Matcher.Web.Services.Ranking;

/// <summary>CSV and XLSX downloads of a ranking or its matrix, the same files <c>matcher rank</c> writes.</summary>
public static class RankingDownloads
{
    public static IEndpointRouteBuilder MapRankingDownloads(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ranking").RequireAuthorization(policy => policy.RequireRole(Matcher.Core.Users.Roles.Coordinator));
        group.MapGet("/{id:guid}/ranking.{format}", async (Guid id, string format, int? column, RankingJobs jobs, FileStore files, CancellationToken ct) =>
            await DownloadAsync(id, format, jobs, files, job => RankingExport.RankingRows(job.ToResult(), Math.Clamp(column ?? 0, 0, job.Positions.Count - 1), job.Blind), "ranking", ct));
        group.MapGet("/{id:guid}/matrix.{format}", async (Guid id, string format, RankingJobs jobs, FileStore files, CancellationToken ct) =>
            await DownloadAsync(id, format, jobs, files, job => RankingExport.MatrixRows(job.ToResult(), job.Blind), "matrix", ct));
        return app;
    }

    private static async Task<IResult> DownloadAsync(Guid id, string format, RankingJobs jobs, FileStore files,
        Func<RankingJobView, IReadOnlyList<Dictionary<string, object?>>> rows, string name, CancellationToken ct)
    {
        var (type, contentType) = format.ToLowerInvariant() switch
        {
            "csv" => (ExportFormat.Csv, "text/csv"),
            "xlsx" => (ExportFormat.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            _ => (default(ExportFormat?), ""),
        };
        if (type is null)
            throw new NotFoundException($"A ranking downloads as .csv or .xlsx, not .{format}.");
        var job = await jobs.GetAsync(id, ct) ?? throw new NotFoundException("This ranking does not exist or is not shared with your team. Open it from Ranking.");
        // Written to a scratch file and sent from there: a ranking of thousands is never held in memory as a
        // second copy, and the file is gone once the response has been sent.
        var output = files.CreateTemporary();
        try
        {
            RankingExport.Write(output, rows(job), type.Value);
            output.Position = 0;
        }
        catch
        {
            await output.DisposeAsync();
            throw;
        }
        return Results.File(output, contentType, $"matcher-{name}-{id.ToString("N")[..8]}.{format.ToLowerInvariant()}");
    }
}

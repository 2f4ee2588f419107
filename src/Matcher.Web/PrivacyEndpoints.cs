using Matcher.Web.Services.Privacy;

namespace Matcher.Web;

public static class PrivacyEndpoints
{
    /// <summary><c>GET /account/my-data.zip</c>: the signed-in person's data, as a download.</summary>
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/my-data.zip", async (PersonalDataExport export, CancellationToken ct) =>
            Results.File(await export.BuildAsync(ct), "application/zip", PersonalDataExport.FileName));
        return app;
    }
}

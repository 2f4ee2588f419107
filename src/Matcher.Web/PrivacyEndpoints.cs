using Matcher.Data.Entities;
using Matcher.Web.Services.Privacy;
using Microsoft.AspNetCore.Identity;

namespace Matcher.Web;

public static class PrivacyEndpoints
{
    /// <summary><c>GET /account/my-data.zip</c>: the signed-in person's data, as a download.</summary>
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/account/my-data.zip", async (PersonalDataExport export, CancellationToken ct) =>
            Results.File(await export.BuildAsync(ct), "application/zip", PersonalDataExport.FileName))
            .RequireAuthorization();

        // After "delete my data" the cookie still names an account that no longer exists: end it, and say so.
        // Only a cookie whose account is gone is cleared here, so a link to this address cannot sign anyone out.
        app.MapGet("/account/logout-deleted", async (HttpContext context, UserManager<MatcherUser> users, SignInManager<MatcherUser> signIn) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is null)
                await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?deleted=true");
        });
        return app;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Matcher.Web.Tests.Services;

/// <summary>
/// A real HTTP server on 127.0.0.1 with the pages a posting import meets in the wild. Shared by a test
/// class: the pages never change, so one server serves every test.
/// </summary>
public sealed class LoopbackSite : IAsyncLifetime
{
    public const int BigBodyBytes = 256 * 1024;
    private WebApplication _app = null!;

    public Uri BaseUri { get; private set; } = null!;

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = _app = builder.Build();

        app.MapGet("/jobs/data-analyst", () => Results.File(Fixtures.Bytes("postings", "html-with-jsonld.html"), "text/html; charset=utf-8"));
        app.MapGet("/jobs/moved", () => Results.Redirect("/jobs/data-analyst"));
        app.MapGet("/jobs/to-file", () => Results.Redirect("file:///etc/passwd"));
        app.MapGet("/jobs/to-gopher", () => Results.Redirect("gopher://127.0.0.1:25/_HELO"));
        app.MapGet("/jobs/gone", () => Results.NotFound());
        app.MapGet("/jobs/private", () => Results.StatusCode(StatusCodes.Status403Forbidden));
        app.MapGet("/logo.png", () => Results.File(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png"));
        app.MapGet("/jobs/huge", () => Results.Text(new string('a', BigBodyBytes), "text/plain"));
        app.MapGet("/jobs/huge-unannounced", async (HttpContext context) =>
        {
            // No Content-Length: the body arrives chunked, so only counting the bytes can enforce the cap.
            context.Response.ContentType = "text/html";
            var chunk = new byte[8192];
            Array.Fill(chunk, (byte)'a');
            for (var sent = 0; sent < BigBodyBytes; sent += chunk.Length)
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        });
        app.MapGet("/jobs/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            return Results.Text("too late", "text/plain");
        });

        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUri = new Uri(address);
        // The first request pays for JIT and routing; pay it here so timing-sensitive tests measure the site, not the warm-up.
        using var warmUp = new HttpClient();
        (await warmUp.GetAsync(Url("/jobs/data-analyst"), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

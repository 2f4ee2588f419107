using Matcher.Data;
using Matcher.Web;
using Matcher.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddMatcherStore();
builder.AddMatcherEngine();
builder.Services.AddMatcherWeb();

var app = builder.Build();

await app.Services.MigrateMatcherStoreAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapMatcherDownloads();
app.MapPrivacyEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

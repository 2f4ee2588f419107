using Matcher.Core;
using Matcher.Data;
using Matcher.Data.Files;
using Matcher.Embeddings;
using Matcher.Web;
using Matcher.Web.Accounts;
using Matcher.Web.Components;
using Matcher.Web.Security;

var builder = WebApplication.CreateBuilder(args);
var store = builder.ConfiguredStore();

builder.Services.AddMatcherStore(store);
builder.AddMatcherDataProtection(store);
builder.Services.AddMatcherEngine(builder.Configuration);
builder.Services.AddMatcherEmbeddings(builder.Configuration);
builder.Services.AddMatcherAccounts(builder.Configuration);
builder.Services.AddMatcherProxy(builder.Configuration);
builder.Services.AddMatcherApplication();
builder.Services.AddMatcherWorkers();
builder.Services.AddMatcherUi();

var app = builder.Build();

await app.Services.MigrateMatcherStoreAsync();
await app.Services.PrepareFileStoreAsync();

app.UseMatcherProxy();

// Stack traces reach the browser only when asked for (Matcher:ShowErrorDetails), never because the
// environment happens to be Development, as it is under `dotnet run`.
if (!app.Configuration.GetValue<bool>("Matcher:ShowErrorDetails"))
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
// Browsers that once reached the app over HTTPS keep to it; sent on HTTPS responses only, never for localhost.
if (!app.Environment.IsDevelopment())
    app.UseHsts();
app.UseMatcherSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

app.UseAuthentication();
app.UseSignedInUser();
app.UseFirstRunSetup();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapMatcherDownloads();
app.MapPrivacyEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Visible to the integration tests, which host the app in memory.</summary>
public partial class Program;

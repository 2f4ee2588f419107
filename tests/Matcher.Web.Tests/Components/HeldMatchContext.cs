using Matcher.Web.Tests.Services;

namespace Matcher.Web.Tests.Components;

/// <summary>
/// Check my fit's services over a real store, with an embedder that holds every call until released,
/// so a test can act while a match is still running.
/// </summary>
public abstract class HeldMatchContext : MudTestContext
{
    protected SqliteStore Store { get; } = new();
    protected HeldEmbedder Embedder { get; } = new();

    protected HeldMatchContext()
    {
        Services.AddCheckFit(Store, Embedder);
    }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override void Dispose(bool disposing)
    {
        Embedder.Release();
        base.Dispose(disposing);
        if (disposing)
        {
            Embedder.Dispose();
            Store.Dispose();
        }
    }
}

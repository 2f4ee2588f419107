using Bunit;
using MudBlazor.Services;

namespace Matcher.Web.Tests;

/// <summary>A bUnit context with MudBlazor's services, as the app registers them.</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}

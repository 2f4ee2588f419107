using MudBlazor;

namespace Matcher.Web.Components.Layout;

/// <summary>Colours chosen for WCAG AA contrast on both light and dark backgrounds.</summary>
public static class MatcherTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e8c",
            Secondary = "#6b3fa0",
            Success = "#1b6e33",
            // MudBlazor's default info blue (#2196f3) is under 3:1 as alert text on its own tint.
            Info = "#0b5394",
            Warning = "#8a5300",
            Error = "#b3261e",
            AppbarBackground = "#1f4e8c",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8",
            // Dark text on the light primary: white on #8ab4f8 is under 3:1.
            PrimaryContrastText = "#0b1b33",
            Secondary = "#c7a6f2",
            Info = "#8cc8ff",
            Success = "#7fd18f",
            Warning = "#f2c46d",
            // A status chip tints its own background with this colour; #f28b82 fell just short of 4.5:1 on a paper.
            Error = "#f49890",
            // MudBlazor's default secondary text on dark falls short of 4.5:1 for labels.
            TextSecondary = "rgba(255,255,255,0.74)",
        },
    };
}

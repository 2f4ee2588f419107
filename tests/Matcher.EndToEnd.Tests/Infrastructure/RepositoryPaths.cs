namespace Matcher.EndToEnd.Tests.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The checkout's root, found by walking up to Matcher.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Fixture(params string[] parts) => Path.Combine([Root, "tests", "fixtures", .. parts]);

    /// <summary>Where failure screenshots go; CI keeps this folder.</summary>
    public static string Artifacts { get; } = Path.Combine(Root, "test-artifacts", "e2e");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Matcher.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Matcher.sln not found above " + AppContext.BaseDirectory);
    }
}

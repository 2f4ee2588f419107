namespace Matcher.Embeddings.Tests;

/// <summary>Reads test inputs from the shared fixtures folder copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", relative);

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    public static string[] Lines(string relative) =>
        File.ReadAllLines(Path(relative)).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
}

namespace Matcher.Cli.Commands;

/// <summary>
/// Inputs for <c>bench embed</c>: the distinct lines of the CV and posting fixtures under
/// <c>tests/fixtures</c> when run from a checkout, topped up with generated CV-like lines.
/// </summary>
internal static class BenchLines
{
    private static readonly string[] Verbs = ["Built", "Led", "Designed", "Maintained", "Migrated", "Automated", "Tested", "Analysed", "Taught", "Managed"];
    private static readonly string[] Things = ["a payment service", "the data warehouse", "REST APIs", "a mobile app", "ETL pipelines", "a recommendation model",
        "the CI/CD pipeline", "customer dashboards", "an inventory system", "the onboarding course", "a team of five", "clinical trial data"];
    private static readonly string[] Tools = ["in C# and .NET", "with Python and pandas", "on Kubernetes", "using PyTorch", "in Go", "with React and TypeScript",
        "on AWS", "with SQL Server", "in Excel", "using Terraform", "with Spark", "in Java"];
    private static readonly string[] Outcomes = ["", ", cutting costs by 20%", " for 2 million users", ", reducing latency from 800 ms to 120 ms",
        " across three countries", " while mentoring two juniors", ", raising test coverage to 85%", " under GDPR constraints"];

    public static (string[] Lines, string Source) Load(int count)
    {
        var fixtures = FixtureLines().Take(count).ToList();
        // Distinct lines only: duplicates would flatter the engine, which embeds each distinct line once.
        var seen = new HashSet<string>(fixtures, StringComparer.Ordinal);
        var random = new Random(42);
        var capacity = fixtures.Count + Verbs.Length * Things.Length * Tools.Length * Outcomes.Length;
        while (fixtures.Count < Math.Min(count, capacity))
        {
            var line = $"{Pick(Verbs)} {Pick(Things)} {Pick(Tools)}{Pick(Outcomes)}.";
            if (seen.Add(line))
                fixtures.Add(line);
        }
        var source = fixtures.Count == 0 ? "generated" : $"{FixtureLines().Take(count).Count()} fixture lines + generated";
        return ([.. fixtures], source);

        string Pick(string[] options) => options[random.Next(options.Length)];
    }

    private static IEnumerable<string> FixtureLines()
    {
        var folder = FindFixtures();
        if (folder is null)
            return [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".txt" or ".md")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Select(l => l.Trim())
            .Where(l => l.Count(char.IsLetter) >= 3)
            .Distinct(StringComparer.Ordinal);
    }

    private static string? FindFixtures()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}

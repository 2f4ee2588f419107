using System.Globalization;
using System.Text.Json;
using Matcher.Cli;

namespace Matcher.Core.Tests.Evaluation;

/// <summary>
/// Measures the engine on the dev pool of real job-board postings and real CVs, labelled by careful readers, held out
/// by posting: weights fitted on one half of the postings score the other. The pool holds personal data and lives
/// outside the repository (<c>../shared/devpool</c>); on a clone without it the test says so and skips.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class DevPoolQualityTests : IDisposable
{
    /// <summary>
    /// Held out, the engine orders the pool at a mean Spearman of 0.60 against TF-IDF's 0.60 and MiniLM best-line's 0.43
    /// (2026-12-06). The engine must keep level with the best baseline (0.03 slack for platform noise), and well above
    /// where the requirement-only score stood (0.43).
    /// </summary>
    private const double Slack = 0.03;
    private const double Floor = 0.55;

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("matcher-devpool-").FullName;
    private readonly string? _previousDataFolder = Environment.GetEnvironmentVariable("Matcher__DataFolder");

    public DevPoolQualityTests() => Environment.SetEnvironmentVariable("Matcher__DataFolder", _dataFolder);

    /// <summary>The repository root's sibling <c>shared/devpool</c>, found by walking up from the test binaries.</summary>
    private static string? DevPoolLabels()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (!File.Exists(Path.Combine(folder.FullName, "Matcher.sln")))
                continue;
            var labels = Path.Combine(folder.FullName, "..", "shared", "devpool", "labels.csv");
            return File.Exists(labels) ? Path.GetFullPath(labels) : null;
        }
        return null;
    }

    [Fact]
    public async Task Held_out_the_engine_orders_real_applicants_at_least_as_well_as_the_best_baseline()
    {
        var labels = DevPoolLabels();
        Assert.SkipWhen(labels is null, "The dev pool (../shared/devpool/labels.csv beside the repository) is not on this machine; its postings and CVs are personal data kept outside the repository.");

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(["eval", "--labels", labels!, "--compare", "--folds", "2", "--json"], output, error, TestContext.Current.CancellationToken);
        Assert.True(exit == 0, error.ToString());

        using var json = JsonDocument.Parse(output.ToString());
        var means = json.RootElement.EnumerateArray().ToDictionary(
            r => r.GetProperty("scorer").GetString()!,
            r => (Spearman: r.GetProperty("mean").GetProperty("spearman").GetDouble(), Ndcg: r.GetProperty("mean").GetProperty("ndcg10").GetDouble()));
        var heldOut = means["engine, 2-fold held out"];
        var best = Math.Max(means["tfidf"].Spearman, means["embedding"].Spearman);
        var figures = string.Join("; ", means.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} Spearman {m.Value.Spearman:0.000}, nDCG@10 {m.Value.Ndcg:0.000}")));
        TestContext.Current.TestOutputHelper?.WriteLine("dev pool: " + figures);

        Assert.True(heldOut.Spearman >= best - Slack, $"held-out engine should keep level with the best baseline: {figures}");
        Assert.True(heldOut.Spearman >= Floor, $"held-out engine fell below {Floor}: {figures}");
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Matcher__DataFolder", _previousDataFolder);
        try { Directory.Delete(_dataFolder, recursive: true); }
        catch (IOException) { /* SQLite may still hold the file on some platforms; the temp folder is cleaned by the OS. */ }
    }
}

using Matcher.Core.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matcher.Core.Tests.Matching;

/// <summary>Every scoring number lives in one table: the receipt records all of them, so a receipt alone reproduces a score.</summary>
public sealed class MatchingOptionsTests(MatchEngineFixture fixture) : IClassFixture<MatchEngineFixture>
{
    [Fact]
    public async Task Matching_again_with_the_options_read_back_from_a_receipt_gives_the_same_score()
    {
        var ct = TestContext.Current.CancellationToken;
        var cv = MatchEngineFixture.Cv("cv-python-bachelor.md");
        var posting = MatchEngineFixture.Posting("posting-degree-or-equivalent.md");
        // Every number away from its default, so a key the receipt forgot would show as a different score.
        var unusual = new MatchingOptions
        {
            MetThreshold = 0.8, PartialThreshold = 0.3, SimilarityFloor = 0.1, SimilarityCeiling = 0.7, LexicalWeight = 0.3,
            StructuredWeight = 0.7, KeywordShare = 0.5, PlainWordShare = 0.6, EvidenceMargin = 0.05, NamedSkillEvidenceBonus = 0.3,
            YearsShortfallShare = 0.8, EquivalentExperienceDegreeScore = 0.6, DegreeOneLevelBelowScore = 0.2, CapMargin = 0.05,
            MaxEvidence = 1, FocusLines = 3, RelatedRoleSimilarity = 0.3, UnstatedYears = 5, RelevantRoleSimilarity = 0.2,
        };

        var original = await Engine(unusual).MatchAsync(cv, posting, 0, ct);
        var replayed = await Engine(MatchingOptions.FromReceipt(original.Receipt)).MatchAsync(cv, posting, 0, ct);
        var withDefaults = await Engine(new MatchingOptions()).MatchAsync(cv, posting, 0, ct);

        Assert.Equal(original.Score, replayed.Score);
        Assert.Equal(original.Requirements.Select(r => (r.Score, r.Status, r.Evidence.Count)), replayed.Requirements.Select(r => (r.Score, r.Status, r.Evidence.Count)));
        Assert.NotEqual(original.Requirements.Select(r => r.Score), withDefaults.Requirements.Select(r => r.Score));
    }

    [Fact]
    public void The_receipt_records_every_key_of_the_table_once()
    {
        var options = new MatchingOptions();
        var recorded = options.Weights().Keys.Concat(options.Thresholds().Keys).ToList();

        Assert.Equal(MatchingOptions.Keys.Select(k => k.Name).Order(), recorded.Order());
        Assert.Equal(recorded.Count, recorded.Distinct().Count());
        // Every settable number of the options is in the table: a new property left out of receipts fails here.
        var properties = typeof(MatchingOptions).GetProperties().Where(p => p.CanWrite && p.PropertyType != typeof(string)).Select(p => p.Name).Order();
        Assert.Equal(properties, MatchingOptions.Keys.Select(k => k.Property).Order());
    }

    [Fact]
    public void Out_of_range_and_contradictory_settings_stop_the_start_naming_each_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Matcher:Matching:MetThreshold"] = "0.3",
            ["Matcher:Matching:PartialThreshold"] = "0.5",
            ["Matcher:Matching:LexicalWeight"] = "1.5",
            ["Matcher:Matching:FocusLines"] = "0",
        }).Build();
        using var services = new ServiceCollection().AddMatcherEngine(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MatchingOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Matcher:Matching:LexicalWeight is 1.5; it must be from 0 to 1", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Matcher:Matching:FocusLines is 0", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("PartialThreshold (0.5) must be below MetThreshold (0.3)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var services = new ServiceCollection().AddMatcherEngine(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Empty(services.GetRequiredService<IOptions<MatchingOptions>>().Value.Validate());
    }

    [Fact]
    public void The_example_settings_list_every_scoring_number_at_its_default()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "appsettings.example.json")))
            folder = folder.Parent;
        Assert.NotNull(folder);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "appsettings.example.json")));
        var example = json.RootElement.GetProperty("Matcher").GetProperty("Matching").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());

        var defaults = new MatchingOptions();
        Assert.Equal(MatchingOptions.Keys.Select(k => k.Property).Order(), example.Keys.Order());
        Assert.All(MatchingOptions.Keys, key => Assert.Equal(key.Get(defaults), example[key.Property]));
    }

    private MatchEngine Engine(MatchingOptions options) =>
        new(fixture.Embedder, Options.Create(options), MatchEngineFixture.Clock());
}

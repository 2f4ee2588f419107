using Matcher.EndToEnd.Tests.Infrastructure;

// One browser and one shared app for the run, each started when a test first needs it.
[assembly: AssemblyFixture(typeof(Chromium))]
[assembly: AssemblyFixture(typeof(SharedApp))]
// A browser test mostly waits for the page and the app: four at a time finish sooner than one per core (alone on two
// cores, 3:11 against 3:41).
[assembly: CollectionBehavior(MaxParallelThreads = 4)]

namespace Matcher.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The app runs rankings one at a time, first come first served. Tests that rank on the shared app are one
/// collection, so they run one after another and none waits out its time behind another test's ranking.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RankingQueue
{
    public const string Name = "Tests that rank on the shared app";
}

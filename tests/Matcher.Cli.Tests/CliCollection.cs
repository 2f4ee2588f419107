namespace Matcher.Cli.Tests;

/// <summary>
/// Tests that run embedding CLI commands share the process environment (Matcher__DataFolder) and the
/// embedding cache file it points at, so they run one at a time and apart from the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "matcher CLI with embeddings";
}

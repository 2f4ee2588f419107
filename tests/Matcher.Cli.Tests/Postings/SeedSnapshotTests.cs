using System.Text.Json.Nodes;
using static Matcher.Core.Tests.Postings.PostingFixtures;

namespace Matcher.Cli.Tests.Postings;

/// <summary>
/// The four seeds read exactly as they were read when the expected files were written: every field in
/// <c>fixtures/postings/seeds-read</c> must come out the same. Fields added to the output since then are
/// not compared, so the reader may say more about a seed, never something different.
/// </summary>
public sealed class SeedSnapshotTests
{
    [Theory]
    [InlineData("000_789a9349806b194a")]
    [InlineData("001_0ca12d176819fc95")]
    [InlineData("002_ce18c9108d1177f1")]
    [InlineData("003_7e7ab98c923b615e")]
    public async Task The_four_seeds_still_read_exactly_as_before(string seed)
    {
        var expected = JsonNode.Parse(File.ReadAllText(PathOf($"seeds-read/{seed}.json")))!;

        var (exit, output, _) = await CliRun.RunAsync("posting", "parse", PathOf($"seeds/{seed}.txt"), "--json");

        Assert.Equal(0, exit);
        AssertContains(expected, JsonNode.Parse(output), "$");
    }

    private static void AssertContains(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                var actualObject = Assert.IsType<JsonObject>(actual);
                foreach (var (name, value) in obj)
                {
                    Assert.True(actualObject.ContainsKey(name), $"{path}.{name} is missing");
                    AssertContains(value, actualObject[name], $"{path}.{name}");
                }
                break;
            case JsonArray array:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.True(array.Count == actualArray.Count, $"{path} has {actualArray.Count} entries, expected {array.Count}");
                for (var i = 0; i < array.Count; i++)
                    AssertContains(array[i], actualArray[i], $"{path}[{i}]");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path} is {actual?.ToJsonString()}, expected {expected?.ToJsonString()}");
                break;
        }
    }
}

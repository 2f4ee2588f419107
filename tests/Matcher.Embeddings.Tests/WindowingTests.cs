using Matcher.Embeddings.Onnx;

namespace Matcher.Embeddings.Tests;

public sealed class WindowingTests
{
    [Theory]
    [InlineData(10, 254, new[] { 0 })]
    [InlineData(254, 254, new[] { 0 })]
    [InlineData(300, 254, new[] { 0, 46 })]
    [InlineData(600, 254, new[] { 0, 127, 254, 346 })]
    public void Windows_overlap_by_half_and_the_last_one_ends_with_the_text(int tokens, int window, int[] expectedStarts)
    {
        var starts = WordPieceWindower.WindowStarts(tokens, window).ToArray();

        Assert.Equal(expectedStarts, starts);
        Assert.Equal(tokens, Math.Min(tokens, starts[^1] + window));
    }
}

using Matcher.Embeddings.Onnx;

namespace Matcher.Embeddings.Tests;

/// <summary>The word pieces must match what the models were trained on (Hugging Face's uncased BERT tokenizer).</summary>
public sealed class TokenizerTests
{
    private readonly Microsoft.ML.Tokenizers.BertTokenizer _tokenizer = LocalModelResources.CreateTokenizer(LocalModels.MiniLmL6V2);

    private string[] Pieces(string text) =>
        _tokenizer.EncodeToIds(text, addSpecialTokens: false).Select(id => _tokenizer.Decode([id])!.Trim()).ToArray();

    [Fact]
    public void Symbols_are_split_off_rather_than_dropped_so_cpp_is_not_c()
    {
        Assert.Equal(["c", "+", "+", "and", "c", "#"], Pieces("C++ and C#"));
        Assert.Equal(["5", "+", "years"], Pieces("5+ years"));
    }

    [Fact]
    public void Accented_letters_read_like_their_plain_forms()
    {
        Assert.Equal(Pieces("naive cafe resume"), Pieces("Naïve café résumé"));
    }
}

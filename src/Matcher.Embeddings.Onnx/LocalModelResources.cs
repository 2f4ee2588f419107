using System.Reflection;
using System.Text.RegularExpressions;
using Matcher.Core.Embeddings;
using Microsoft.ML.Tokenizers;

namespace Matcher.Embeddings.Onnx;

/// <summary>
/// Reads a model's ONNX graph and WordPiece vocabulary from the resources of the package assembly that
/// ships them. Resources are found by suffix among the assembly's manifest names, not by a guessed prefix.
/// </summary>
public static class LocalModelResources
{
    private const string ModelSuffix = ".model.onnx";
    private const string VocabularySuffix = ".vocab.txt";

    // Hugging Face's BERT pre-tokenizer splits off every ASCII symbol as punctuation ("C++" → c + +,
    // "5+" → 5 +); the library's default keeps only Unicode punctuation and drops '+', '$', '<', '=', ...
    // which would make "C++" read as "C". Word runs, or one punctuation/ASCII-symbol character.
    private static readonly Regex BertWordOrPunctuation = new(
        @"[^\s\p{P}!-/:-@\[-`{-~]+|[\p{P}!-/:-@\[-`{-~]", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static byte[] ReadModel(LocalModelDescriptor model)
    {
        using var stream = Open(model, ModelSuffix);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>The uncased BERT WordPiece tokenizer the model was trained with (accents stripped, like Hugging Face's).</summary>
    public static BertTokenizer CreateTokenizer(LocalModelDescriptor model)
    {
        using var stream = Open(model, VocabularySuffix);
        try
        {
            return BertTokenizer.Create(stream, new BertOptions
            {
                LowerCaseBeforeTokenization = true,
                RemoveNonSpacingMarks = true,
                PreTokenizer = new RegexPreTokenizer(BertWordOrPunctuation, specialTokens: null),
            });
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FormatException)
        {
            throw EmbeddingException.ModelCorrupt(model.Id, ex);
        }
    }

    private static Stream Open(LocalModelDescriptor model, string suffix)
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(model.ResourceAssembly));
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw EmbeddingException.ModelMissing(model.Id, $"assembly {model.ResourceAssembly} not found");
        }

        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw EmbeddingException.ModelMissing(model.Id, $"{model.ResourceAssembly} has no *{suffix} resource");
        return assembly.GetManifestResourceStream(name)
            ?? throw EmbeddingException.ModelMissing(model.Id, $"resource {name} is empty");
    }
}

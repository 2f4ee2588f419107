using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;

namespace Matcher.Core.Tests.Hostile;

public sealed class BlindErrorTextTests
{
    private const string File = "applicants/John_Smith_Secret_CV.pdf";

    private static string ReaderError(byte[] bytes)
    {
        var ex = Assert.Throws<InputException>(() => new DocumentReader().Read(bytes, File));
        Assert.Contains("John_Smith_Secret_CV.pdf", ex.Message, StringComparison.Ordinal);
        return ex.Message;
    }

    public static TheoryData<byte[]> Unreadable => new() { Array.Empty<byte>(), "%PDF-1.7 cut off"u8.ToArray(), new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 } };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Blind_exports_give_the_reason_without_the_file_name(byte[] bytes)
    {
        var error = ReaderError(bytes);
        var result = new RankingResult(new Posting { Positions = [new Position { Title = "Intern" }] }, [0],
            [new ApplicantResult(4, File, null, [], error)]);

        foreach (var row in RankingExport.RankingRows(result, 0, blind: true).Concat(RankingExport.MatrixRows(result, blind: true)))
        {
            var shown = Assert.IsType<string>(row["error"]);
            Assert.StartsWith("The file is ", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("John", shown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Secret", shown, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(error[(error.IndexOf(" is ", StringComparison.Ordinal))..], shown["The file".Length..]);
            Assert.All(row.Values.OfType<string>(), v => Assert.DoesNotContain("Smith", v, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Open_review_keeps_the_file_name_in_the_reason()
    {
        var error = ReaderError([]);
        var applicant = new ApplicantResult(4, File, null, [], error);

        Assert.Equal(error, applicant.DisplayError(blind: false));
        Assert.Equal("The file is empty (0 bytes). Choose a file that contains the text.", applicant.DisplayError(blind: true));
    }

    [Fact]
    public void A_name_or_file_name_quoted_later_in_the_reason_is_hidden_too()
    {
        var text = BlindReview.ErrorText("Could not match \"John_Smith_Secret_CV.pdf\": John Smith's CV lists no roles.", File, "John Smith");

        Assert.Equal("Could not match the file: [hidden]'s CV lists no roles.", text);
    }
}

using System.IO.Compression;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Web.Services;
using Matcher.Web.Services.Ranking;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Tests.Ranking;

/// <summary>Whether an upload is a zip of CVs or one CV is decided by its content, not by its name.</summary>
public sealed class ApplicantIntakeTests
{
    private static ApplicantIntake Intake() =>
        new(new CvReader(), Options.Create(new DocumentReaderOptions()), Options.Create(new RankingOptions()));

    private static byte[] ZipOf(params string[] fixtureCvs)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in fixtureCvs)
                zip.CreateEntryFromFile(Fixtures.Path("eval", "cvs", name), name);
        return buffer.ToArray();
    }

    [Fact]
    public void A_cv_named_like_a_zip_is_read_as_a_cv()
    {
        var items = Intake().Add([new UploadedFile("applicants.zip", Fixtures.Bytes("cvs", "cv-one-column.pdf"))], 0);

        var item = Assert.Single(items);
        Assert.NotEqual(IntakeStatus.Error, item.Status);
        Assert.Equal("applicants.zip", item.Name);
    }

    [Fact]
    public void A_zip_without_the_zip_name_is_still_unpacked()
    {
        var items = Intake().Add([new UploadedFile("applicants", ZipOf("aaron-blake.md", "aisha-bello.md"))], 0);

        Assert.Equal(["aaron-blake.md", "aisha-bello.md"], items.Select(i => i.Name).Order());
        Assert.All(items, i => Assert.Equal(IntakeStatus.Read, i.Status));
    }

    [Fact]
    public void A_docx_is_a_cv_although_it_is_a_zip_inside()
    {
        var docx = new UploadedFile("cv-with-list-and-table.docx", Fixtures.Bytes("cvs", "cv-with-list-and-table.docx"));

        Assert.False(ApplicantIntake.IsArchive(docx));
        Assert.True(ApplicantIntake.IsArchive(new UploadedFile("cvs.zip", ZipOf("aaron-blake.md"))));
    }
}

/// <summary>The limits of a ranking's uploads: what is refused, with what message, and what of it is kept.</summary>
public sealed class ApplicantIntakeLimitTests
{
    private static ApplicantIntake Intake(RankingOptions? ranking = null) =>
        new(new CvReader(), Options.Create(new DocumentReaderOptions()), Options.Create(ranking ?? new RankingOptions()));

    [Fact]
    public void Forty_megabytes_of_random_bytes_named_zip_are_refused_as_not_a_zip_and_not_kept()
    {
        var items = Intake().Add([new UploadedFile("applicants.zip", Matcher.Core.Tests.Hostile.HostileFiles.FakeZip(40 * 1024 * 1024))], 0);

        var item = Assert.Single(items);
        Assert.Equal(IntakeStatus.Error, item.Status);
        Assert.Null(item.File);
        Assert.Contains("is named .zip but is not a zip archive", item.Message);
        Assert.Contains("upload the CV files themselves", item.Message);
    }

    [Fact]
    public void A_cv_over_the_one_file_limit_is_refused_before_it_is_read_and_not_kept()
    {
        var intake = new ApplicantIntake(new CvReader(), Options.Create(new DocumentReaderOptions { MaxBytes = 1024 }), Options.Create(new RankingOptions()));

        var item = Assert.Single(intake.Add([new UploadedFile("long-cv.txt", "word ".Repeat(1000))], 0));

        Assert.Equal(IntakeStatus.Error, item.Status);
        Assert.Null(item.File);
        Assert.Contains("the limit for one CV is", item.Message);
    }

    [Fact]
    public void An_unreadable_cv_is_ranked_with_its_reason_but_without_its_bytes()
    {
        var item = Assert.Single(Intake().Add([new UploadedFile("scan.pdf", Matcher.Core.Tests.Hostile.HostileFiles.FakeZip(4096))], 0));

        Assert.Equal(IntakeStatus.Error, item.Status);
        Assert.NotNull(item.File);
        Assert.Empty(item.File.Content);
        Assert.Equal(item.Message, item.File.Refusal);
    }

    [Fact]
    public void Files_beyond_the_rankings_byte_budget_are_left_out_with_a_message()
    {
        var cv = Fixtures.Bytes("eval", "cvs", "aaron-blake.md");
        var intake = Intake(new RankingOptions { MaxTotalBytes = cv.Length * 2 + 10 });

        var first = intake.Add([new UploadedFile("a.md", cv), new UploadedFile("b.md", cv)], 0);
        var later = intake.Add([new UploadedFile("c.md", cv)], 2, first.Sum(i => (long)i.File!.Content.Length));

        Assert.All(first, i => Assert.Equal(IntakeStatus.Read, i.Status));
        var refused = Assert.Single(later);
        Assert.Null(refused.File);
        Assert.Contains("may add up to", refused.Message);
        Assert.Contains("Start a second ranking", refused.Message);
    }

    [Fact]
    public void A_zip_over_the_zip_limit_is_refused_unopened()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            zip.CreateEntryFromFile(Fixtures.Path("eval", "cvs", "aaron-blake.md"), "aaron-blake.md", CompressionLevel.NoCompression);
        var intake = Intake(new RankingOptions { MaxZipBytes = 100 });

        var item = Assert.Single(intake.Add([new UploadedFile("cvs.zip", buffer.ToArray())], 0));

        Assert.Null(item.File);
        Assert.Contains("the limit for one zip is", item.Message);
    }
}

internal static class TextBytes
{
    public static byte[] Repeat(this string text, int times) => System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, times)));
}

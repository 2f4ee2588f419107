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

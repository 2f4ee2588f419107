using System.IO.Compression;
using Matcher.Core.Documents;
using Matcher.Core.Ranking;

namespace Matcher.Core.Tests.Ranking;

public sealed class ApplicantArchiveTests
{
    private static readonly string CvFolder = Path.Combine(AppContext.BaseDirectory, "fixtures", "eval", "cvs");

    private static byte[] Zip(params (string Path, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, content) in entries)
            {
                using var stream = zip.CreateEntry(path).Open();
                stream.Write(content);
            }
        return buffer.ToArray();
    }

    private static (string, byte[]) Cv(string name, string? path = null) => (path ?? name, File.ReadAllBytes(Path.Combine(CvFolder, name)));

    [Fact]
    public void Reads_every_cv_in_a_zip_including_those_in_folders()
    {
        var zip = Zip(Cv("aaron-blake.md"), Cv("ahmed-karim.md", "batch-2/ahmed-karim.md"));

        var contents = ApplicantArchive.Extract(zip, "applicants.zip", new DocumentReaderOptions(), 500);

        Assert.Equal(["aaron-blake.md", "ahmed-karim.md"], contents.Files.Select(f => f.Name));
        Assert.Equal(File.ReadAllBytes(Path.Combine(CvFolder, "aaron-blake.md")), contents.Files[0].Content);
        Assert.Empty(contents.Skipped);
    }

    [Fact]
    public void Refuses_entries_whose_path_climbs_out_of_the_zip_and_nested_archives_but_keeps_the_rest()
    {
        var nested = Zip(Cv("aisha-bello.md"));
        var zip = Zip(Cv("aaron-blake.md"), Cv("ahmed-karim.md", "../../etc/ahmed-karim.md"), ("more.zip", nested));

        var contents = ApplicantArchive.Extract(zip, "applicants.zip", new DocumentReaderOptions(), 500);

        Assert.Equal(["aaron-blake.md"], contents.Files.Select(f => f.Name));
        Assert.Contains(contents.Skipped, s => s.Entry == "../../etc/ahmed-karim.md" && s.Reason.Contains("outside", StringComparison.Ordinal));
        Assert.Contains(contents.Skipped, s => s.Entry == "more.zip" && s.Reason.Contains("Archives inside", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_a_zip_with_more_entries_than_allowed()
    {
        var zip = Zip(Cv("aaron-blake.md"), Cv("ahmed-karim.md"), Cv("aisha-bello.md"));

        var error = Assert.Throws<InputException>(() => ApplicantArchive.Extract(zip, "applicants.zip", new DocumentReaderOptions { MaxZipEntries = 2 }, 500));

        Assert.Contains("3 entries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_zip_that_unpacks_to_more_than_the_limit()
    {
        var zip = Zip(("padding.txt", new byte[200_000]), Cv("aaron-blake.md"));

        var error = Assert.Throws<InputException>(() => ApplicantArchive.Extract(zip, "applicants.zip", new DocumentReaderOptions { MaxUncompressedBytes = 100_000 }, 500));

        Assert.Contains("unpack", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stops_taking_cvs_at_the_applicant_limit_and_says_which_were_left_out()
    {
        var zip = Zip(Cv("aaron-blake.md"), Cv("ahmed-karim.md"), Cv("aisha-bello.md"));

        var contents = ApplicantArchive.Extract(zip, "applicants.zip", new DocumentReaderOptions(), 2);

        Assert.Equal(2, contents.Files.Count);
        Assert.Equal("aisha-bello.md", Assert.Single(contents.Skipped).Entry);
    }

    [Fact]
    public void Rejects_a_damaged_zip_with_a_reason()
    {
        var zip = Zip(Cv("aaron-blake.md"))[..40];

        var error = Assert.Throws<InputException>(() => ApplicantArchive.Extract(zip, "applicants.zip", new DocumentReaderOptions(), 500));

        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }
}

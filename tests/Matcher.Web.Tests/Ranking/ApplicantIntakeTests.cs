using System.IO.Compression;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Web.Services.Matching;
using Matcher.Web.Services.Ranking;
using Matcher.Web.Tests.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Tests.Ranking;

/// <summary>Whether an upload is a zip of CVs or one CV is decided by its content, not by its name.</summary>
public sealed class ApplicantIntakeTests : IDisposable
{
    private readonly SqliteStore _store = new();

    public void Dispose() => _store.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApplicantIntake Intake() =>
        new(new CvReader(), Options.Create(new DocumentReaderOptions()), Options.Create(new RankingOptions()), _store.Files, _store);

    private static byte[] ZipOf(params string[] fixtureCvs)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in fixtureCvs)
                zip.CreateEntryFromFile(Fixtures.Path("eval", "cvs", name), name);
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_cv_named_like_a_zip_is_read_as_a_cv()
    {
        var items = await Intake().AddAsync([new UploadedFile("applicants.zip", Fixtures.Bytes("cvs", "cv-one-column.pdf"))], 0, cancellationToken: Ct);

        var item = Assert.Single(items);
        Assert.NotEqual(IntakeStatus.Error, item.Status);
        Assert.Equal("applicants.zip", item.Name);
    }

    [Fact]
    public async Task A_zip_without_the_zip_name_is_still_unpacked()
    {
        var items = await Intake().AddAsync([new UploadedFile("applicants", ZipOf("aaron-blake.md", "aisha-bello.md"))], 0, cancellationToken: Ct);

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
public sealed class ApplicantIntakeLimitTests : IDisposable
{
    private readonly SqliteStore _store = new();

    public void Dispose() => _store.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApplicantIntake Intake(RankingOptions? ranking = null, DocumentReaderOptions? documents = null) =>
        new(new CvReader(), Options.Create(documents ?? new DocumentReaderOptions()), Options.Create(ranking ?? new RankingOptions()), _store.Files, _store);

    [Fact]
    public async Task Forty_megabytes_of_random_bytes_named_zip_are_refused_as_not_a_zip_and_not_kept()
    {
        var items = await Intake().AddAsync([new UploadedFile("applicants.zip", Matcher.Core.Tests.Hostile.HostileFiles.FakeZip(40 * 1024 * 1024))], 0, cancellationToken: Ct);

        var item = Assert.Single(items);
        Assert.Equal(IntakeStatus.Error, item.Status);
        Assert.Null(item.File);
        Assert.Contains("is named .zip but is not a zip archive", item.Message);
        Assert.Contains("upload the CV files themselves", item.Message);
    }

    [Fact]
    public async Task A_cv_over_the_one_file_limit_is_refused_before_it_is_read_and_not_kept()
    {
        var intake = Intake(documents: new DocumentReaderOptions { MaxBytes = 1024 });

        var item = Assert.Single(await intake.AddAsync([new UploadedFile("long-cv.txt", "word ".Repeat(1000))], 0, cancellationToken: Ct));

        Assert.Equal(IntakeStatus.Error, item.Status);
        Assert.Null(item.File);
        Assert.Contains("the limit for one CV is", item.Message);
    }

    [Fact]
    public async Task An_unreadable_cv_is_ranked_with_its_reason_but_without_its_bytes()
    {
        var item = Assert.Single(await Intake().AddAsync([new UploadedFile("scan.pdf", Matcher.Core.Tests.Hostile.HostileFiles.FakeZip(4096))], 0, cancellationToken: Ct));

        Assert.Equal(IntakeStatus.Error, item.Status);
        Assert.NotNull(item.File);
        Assert.Null(item.File.FileKey);
        Assert.Empty(Directory.EnumerateFiles(_store.Files.Folder, "*", SearchOption.AllDirectories));
        Assert.Equal(item.Message, item.File.Refusal);
    }

    [Fact]
    public async Task Files_beyond_the_rankings_byte_budget_are_left_out_with_a_message()
    {
        var cv = Fixtures.Bytes("eval", "cvs", "aaron-blake.md");
        var intake = Intake(new RankingOptions { MaxTotalBytes = cv.Length * 2 + 10 });

        var first = await intake.AddAsync([new UploadedFile("a.md", cv), new UploadedFile("b.md", cv)], 0, cancellationToken: Ct);
        var later = await intake.AddAsync([new UploadedFile("c.md", cv)], 2, first.Sum(i => i.File!.Length), cancellationToken: Ct);

        Assert.All(first, i => Assert.Equal(IntakeStatus.Read, i.Status));
        var refused = Assert.Single(later);
        Assert.Null(refused.File);
        Assert.Contains("may add up to", refused.Message);
        Assert.Contains("Start a second ranking", refused.Message);
    }

    [Fact]
    public async Task A_zip_over_the_zip_limit_is_refused_unopened()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            zip.CreateEntryFromFile(Fixtures.Path("eval", "cvs", "aaron-blake.md"), "aaron-blake.md", CompressionLevel.NoCompression);
        var intake = Intake(new RankingOptions { MaxZipBytes = 100 });

        var item = Assert.Single(await intake.AddAsync([new UploadedFile("cvs.zip", buffer.ToArray())], 0, cancellationToken: Ct));

        Assert.Null(item.File);
        Assert.Contains("the limit for one zip is", item.Message);
    }
}

/// <summary>Thousands of CVs: each goes to the file store as it is read, and the list holds only names and keys.</summary>
public sealed class ApplicantIntakeStagingTests : IDisposable
{
    private static readonly string[] Cvs = ["aaron-blake.md", "ahmed-karim.md", "aisha-bello.md"];

    private readonly SqliteStore _store = new();

    public void Dispose() => _store.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ApplicantIntake Intake() =>
        new(new CvReader(), Options.Create(new DocumentReaderOptions()), Options.Create(new RankingOptions()), _store.Files, _store);

    [Fact]
    public async Task A_zip_received_to_disk_is_read_one_cv_at_a_time_into_the_file_store()
    {
        await using var received = Intake().CreateTemporaryFile();
        using (var zip = new ZipArchive(received, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in Cvs)
                zip.CreateEntryFromFile(Fixtures.Path("eval", "cvs", name), name);

        var items = await Intake().AddFromDiskAsync("applicants.zip", received, 0, cancellationToken: Ct);

        Assert.Equal(Cvs, items.Select(i => i.Name).Order());
        foreach (var item in items)
        {
            Assert.Equal(IntakeStatus.Read, item.Status);
            var original = Fixtures.Bytes("eval", "cvs", item.Name);
            Assert.Equal(original.Length, item.File!.Length);
            Assert.Equal(original, await File.ReadAllBytesAsync(_store.Files.PathOf(item.File.FileKey!), Ct));
        }
    }

    [Fact]
    public async Task A_list_given_up_takes_its_files_with_it_but_a_file_a_ranking_uses_stays()
    {
        var items = await Intake().AddAsync(Cvs.Take(2).Select(n => new UploadedFile(n, Fixtures.Bytes("eval", "cvs", n))).ToList(), 0, cancellationToken: Ct);
        var kept = items[0].File!.FileKey!;
        var dropped = items[1].File!.FileKey!;
        using (var db = _store.CreateDbContext())
        {
            var posting = new Matcher.Data.Entities.PostingEntity { Id = Guid.NewGuid(), OwnerId = "local", Title = "Role", SourceText = "Role", FactsJson = "{}" };
            var job = new Matcher.Data.Entities.RankingJobEntity { Id = Guid.NewGuid(), OwnerId = "local", PostingId = posting.Id, PositionsJson = "[0]" };
            job.Applicants.Add(new Matcher.Data.Entities.RankingApplicantEntity { Id = Guid.NewGuid(), Number = 1, FileName = items[0].Name, FileSha256 = kept });
            db.AddRange(posting, job);
            await db.SaveChangesAsync(Ct);
        }

        await Intake().DiscardAsync(items, Ct);

        Assert.True(_store.Files.Contains(kept));
        Assert.False(_store.Files.Contains(dropped));
    }
}

/// <summary>The ranking's limits as the running app reads them from its configuration.</summary>
public sealed class RankingLimitConfigurationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_applicant_limit_is_read_from_configuration_and_is_five_thousand_by_default()
    {
        await using var app = new Matcher.Web.Tests.Security.WebAppFactory();
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(5_000, scope.ServiceProvider.GetRequiredService<ApplicantIntake>().MaxApplicants);

        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("Matcher:Ranking:MaxApplicants", "2"));
        await using var limitedScope = limited.Services.CreateAsyncScope();
        var intake = limitedScope.ServiceProvider.GetRequiredService<ApplicantIntake>();
        var names = new[] { "aaron-blake.md", "ahmed-karim.md", "aisha-bello.md" };

        var items = await intake.AddAsync(names.Select(n => new UploadedFile(n, Fixtures.Bytes("eval", "cvs", n))).ToList(), 0, cancellationToken: Ct);

        Assert.Equal(2, items.Count(i => i.File is not null));
        var refused = Assert.Single(items, i => i.File is null);
        Assert.Equal("aisha-bello.md", refused.Name);
        Assert.Contains("at most 2 CVs", refused.Message);
    }

    [Fact]
    public async Task Originals_are_kept_in_the_files_folder_of_the_data_folder_unless_configured()
    {
        await using var app = new Matcher.Web.Tests.Security.WebAppFactory();
        Assert.Equal(Path.Combine(app.DataFolder, "files"), app.Services.GetRequiredService<Matcher.Data.Files.FileStore>().Folder);

        var shared = Directory.CreateTempSubdirectory("matcher-shared-files-").FullName;
        try
        {
            await using var configured = app.WithWebHostBuilder(b => b.UseSetting("Matcher:Files:Folder", shared));
            Assert.Equal(shared, configured.Services.GetRequiredService<Matcher.Data.Files.FileStore>().Folder);
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }
}

internal static class TextBytes
{
    public static byte[] Repeat(this string text, int times) => System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, times)));
}

using System.IO.Compression;
using Bunit;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Web.Components.Ranking;
using Matcher.Web.Services.Ranking;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Tests.Ranking;

public sealed class ApplicantUploadTests : MudTestContext
{
    private readonly Matcher.Web.Tests.Services.SqliteStore _store = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            _store.Dispose();
    }

    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");

    private static InputFileContent Fixture(string folder, string name) =>
        InputFileContent.CreateFromBinary(File.ReadAllBytes(Path.Combine(Fixtures, folder, name)), name);

    private IRenderedComponent<ApplicantUpload> RenderUpload(List<IntakeItem> items, int maxApplicants = 500, bool blind = false)
    {
        Services.AddSingleton(new ApplicantIntake(new CvReader(), Options.Create(new DocumentReaderOptions()), Options.Create(new RankingOptions { MaxApplicants = maxApplicants }), _store.Files, _store));
        return Render<ApplicantUpload>(p => p.Add(u => u.Items, items).Add(u => u.Blind, blind));
    }

    [Fact]
    public void Blind_review_lists_numbers_and_reasons_without_any_file_name_or_applicant_name()
    {
        var items = new List<IntakeItem>();
        var upload = RenderUpload(items, blind: true);

        upload.FindComponent<InputFile>().UploadFiles(
            Fixture("eval/cvs", "aaron-blake.md"),
            InputFileContent.CreateFromBinary([], "John_Smith_Secret_CV.pdf"),
            InputFileContent.CreateFromBinary(File.ReadAllBytes(Path.Combine(Fixtures, "cvs", "cv-scanned-no-text.pdf")), "Jane_Doe_CV.pdf"));

        upload.WaitForAssertion(() => Assert.Equal(3, upload.FindAll("[data-testid=intake-row]").Count));
        var list = upload.Find(".intake-list").TextContent;
        foreach (var secret in new[] { "John_Smith_Secret_CV", "Jane_Doe_CV", "aaron-blake", "Aaron Blake" })
            Assert.DoesNotContain(secret, list, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CV 3", list, StringComparison.Ordinal);
        Assert.Contains("empty", list, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no text layer", list, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(upload.Find("[data-testid=intake-blind-hint]"));
        Assert.Contains(items, i => i.Name == "John_Smith_Secret_CV.pdf" && i.Message.Contains("John_Smith_Secret_CV", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_each_file_with_its_result_and_keeps_a_bad_file_in_the_batch()
    {
        var items = new List<IntakeItem>();
        var upload = RenderUpload(items);

        upload.FindComponent<InputFile>().UploadFiles(Fixture("eval/cvs", "aaron-blake.md"), Fixture("cvs", "cv-scanned-no-text.pdf"));

        upload.WaitForAssertion(() => Assert.Equal(2, upload.FindAll("[data-testid=intake-row]").Count));
        Assert.Equal(IntakeStatus.Read, items.Single(i => i.Name == "aaron-blake.md").Status);
        var bad = items.Single(i => i.Name == "cv-scanned-no-text.pdf");
        Assert.Equal(IntakeStatus.Error, bad.Status);
        Assert.NotNull(bad.File);
        Assert.Contains(bad.Message, upload.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Unpacks_a_zip_and_reports_refused_entries()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntryFromFile(Path.Combine(Fixtures, "eval", "cvs", "aisha-bello.md"), "cvs/aisha-bello.md");
            zip.CreateEntryFromFile(Path.Combine(Fixtures, "eval", "cvs", "ahmed-karim.md"), "../ahmed-karim.md");
        }
        var items = new List<IntakeItem>();
        var upload = RenderUpload(items);

        upload.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(buffer.ToArray(), "applicants.zip"));

        upload.WaitForAssertion(() => Assert.Equal(2, items.Count));
        Assert.Equal("aisha-bello.md", Assert.Single(items, i => i.File is not null).Name);
        Assert.Equal("applicants.zip/../ahmed-karim.md", Assert.Single(items, i => i.Status == IntakeStatus.Error).Name);
    }

    [Fact]
    public void Refuses_more_files_than_a_ranking_takes()
    {
        var items = new List<IntakeItem>();
        var upload = RenderUpload(items, maxApplicants: 2);

        upload.FindComponent<InputFile>().UploadFiles(Fixture("eval/cvs", "aaron-blake.md"), Fixture("eval/cvs", "ahmed-karim.md"), Fixture("eval/cvs", "aisha-bello.md"));

        upload.WaitForAssertion(() => Assert.Contains("at most 2 CVs", upload.Markup, StringComparison.Ordinal));
        Assert.Empty(items);
    }
}

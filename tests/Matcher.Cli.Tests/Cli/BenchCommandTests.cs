using Matcher.Core.Cvs;
using UglyToad.PdfPig;

namespace Matcher.Cli.Tests.Cli;

/// <summary><c>matcher bench make-cvs</c>: the benchmark's CVs are real two-page PDFs, varied, and the same on every run.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _first = Directory.CreateTempSubdirectory("matcher-make-cvs-").FullName;
    private readonly string _second = Directory.CreateTempSubdirectory("matcher-make-cvs-").FullName;

    [Fact]
    public async Task Make_cvs_writes_the_same_readable_two_page_pdfs_in_several_fields_every_time()
    {
        var (exit, stdout, stderr) = await CliRun.RunAsync("bench", "make-cvs", "12", _first);
        Assert.True(exit == 0, stderr);
        Assert.Contains("Wrote 12 CVs", stdout, StringComparison.Ordinal);
        (exit, _, stderr) = await CliRun.RunAsync("bench", "make-cvs", "12", _second);
        Assert.True(exit == 0, stderr);

        var names = Directory.GetFiles(_first).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(12, names.Count);
        Assert.Equal(names, Directory.GetFiles(_second).Select(Path.GetFileName).Order().ToList());

        var reader = new CvReader();
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(_first, name!), TestContext.Current.CancellationToken);
            using (var pdf = PdfDocument.Open(bytes))
                Assert.Equal(2, pdf.NumberOfPages);
            var cv = reader.Read(bytes, name!, cancellationToken: TestContext.Current.CancellationToken);
            var again = reader.Read(await File.ReadAllBytesAsync(Path.Combine(_second, name!), TestContext.Current.CancellationToken), name!, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(cv.Text, again.Text);
            Assert.False(string.IsNullOrEmpty(cv.Contact.Name));
            Assert.InRange(cv.Experience.Count, 5, 7);
            titles.Add(cv.Experience[0].Title ?? "");
        }
        // Several fields, not one CV twelve times.
        Assert.True(titles.Count >= 6, string.Join(", ", titles));
    }

    [Fact]
    public async Task Make_cvs_needs_a_positive_count()
    {
        var (exit, _, stderr) = await CliRun.RunAsync("bench", "make-cvs", "0", _first);

        Assert.Equal(2, exit);
        Assert.Contains("at least 1", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_first, recursive: true);
        Directory.Delete(_second, recursive: true);
    }
}

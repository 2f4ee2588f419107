using System.Diagnostics;
using FixtureGenerator;

// Usage: dotnet run --project tools/FixtureGenerator [output-dir]
//        dotnet run --project tools/FixtureGenerator -- convert SOURCE.md TARGET.pdf|TARGET.docx
// Default output: tests/fixtures/cvs under the repository root (found from the current directory).
if (args is ["convert", var source, var target])
{
    var text = File.ReadAllText(source);
    var bytes = Path.GetExtension(target).Equals(".pdf", StringComparison.OrdinalIgnoreCase) ? TextDocuments.Pdf(text) : TextDocuments.Docx(text);
    File.WriteAllBytes(target, bytes);
    Console.WriteLine($"wrote {target} ({bytes.Length:N0} bytes)");
    return 0;
}

var output = args.Length > 0 ? args[0] : Path.Combine(FindRepoRoot(), "tests", "fixtures", "cvs");
Directory.CreateDirectory(output);

Write("cv-one-column.pdf", PdfFixtures.OneColumn());
Write("cv-two-column.pdf", PdfFixtures.TwoColumn());
Write("cv-scanned-no-text.pdf", PdfFixtures.NoTextLayer());
Write("cv-with-list-and-table.docx", DocxFixtures.ListAndTable());
Encrypt(Path.Combine(output, "cv-one-column.pdf"), Path.Combine(output, "cv-password-protected.pdf"));
return 0;

void Write(string name, byte[] bytes)
{
    File.WriteAllBytes(Path.Combine(output, name), bytes);
    Console.WriteLine($"wrote {name} ({bytes.Length:N0} bytes)");
}

// PdfPig writes no encryption, so the password-protected fixture comes from qpdf (apt-get install qpdf).
static void Encrypt(string source, string target)
{
    try
    {
        using var qpdf = Process.Start(new ProcessStartInfo("qpdf", ["--encrypt", "open-sesame", "owner-secret", "128", "--use-aes=y", "--", source, target])
        {
            RedirectStandardError = true,
        })!;
        qpdf.WaitForExit();
        Console.WriteLine(qpdf.ExitCode == 0 ? $"wrote {Path.GetFileName(target)} (qpdf)" : $"qpdf failed: {qpdf.StandardError.ReadToEnd()}");
    }
    catch (System.ComponentModel.Win32Exception)
    {
        Console.WriteLine("qpdf not found: install it (apt-get install qpdf) to regenerate cv-password-protected.pdf");
    }
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Matcher.sln")))
            return dir.FullName;
    throw new InvalidOperationException("Run from inside the repository or pass the output directory.");
}

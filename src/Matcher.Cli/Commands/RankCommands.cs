using System.CommandLine;
using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Commands;

/// <summary>
/// <c>matcher rank --posting FILE [--position N|all] --cvs DIR_OR_FILES… [--format csv|json|xlsx] [--out FILE] [--blind]</c>
/// </summary>
internal static class RankCommands
{
    private static readonly HashSet<string> CvExtensions = new(StringComparer.OrdinalIgnoreCase) { ".pdf", ".docx", ".txt", ".md", ".markdown", ".json" };

    public static Command Create()
    {
        var posting = new Option<FileInfo>("--posting") { Description = "The posting file.", Required = true };
        var position = new Option<string>("--position") { Description = "Position number (from 1) or 'all' for the applicants × positions matrix.", DefaultValueFactory = _ => "1" };
        var cvs = new Option<string[]>("--cvs") { Description = "CV files or folders of CVs.", Required = true, AllowMultipleArgumentsPerToken = true };
        var format = new Option<ExportFormat>("--format") { Description = "csv, json or xlsx.", DefaultValueFactory = _ => ExportFormat.Csv };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write to this file instead of stdout (required for xlsx)." };
        var blind = new Option<bool>("--blind") { Description = "Hide names and file names: applicants become \"Candidate N\"." };

        var command = new Command("rank", "Rank applicants' CVs against one position or all positions of a posting.");
        foreach (var option in new Option[] { posting, position, cvs, format, outFile, blind })
            command.Options.Add(option);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (output, token) =>
        {
            var exportFormat = parse.GetValue(format);
            var target = parse.GetValue(outFile);
            if (exportFormat == ExportFormat.Xlsx && target is null)
                throw new InputException("XLSX is a binary format: give --out FILE.");

            await using var services = CliServices.Build();
            var postingFile = parse.GetValue(posting)!;
            var postingDocument = services.GetRequiredService<PostingReader>().Read(await MatchCommands.ReadFileAsync(postingFile, token), postingFile.Name, token);
            var positions = ParsePositions(parse.GetValue(position)!, postingDocument);
            var files = await CollectAsync(parse.GetValue(cvs)!, token);

            var error = parse.InvocationConfiguration.Error;
            var progress = new Progress<RankProgress>(p => error.WriteLine($"[{p.Done}/{p.Total}] {p.File}"));
            var result = await services.GetRequiredService<Ranker>().RankAsync(postingDocument, positions, files, progress, token);

            var isBlind = parse.GetValue(blind);
            var rows = positions.Count == 1 ? RankingExport.RankingRows(result, 0, isBlind) : RankingExport.MatrixRows(result, isBlind);
            await WriteAsync(rows, exportFormat, target, output);
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private static IReadOnlyList<int> ParsePositions(string value, Posting posting)
    {
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase))
            return Enumerable.Range(0, posting.Positions.Count).ToList();
        if (int.TryParse(value, out var number) && number >= 1 && number <= posting.Positions.Count)
            return [number - 1];
        throw new InputException($"--position must be 'all' or a number from 1 to {posting.Positions.Count}.");
    }

    internal static async Task<List<ApplicantFile>> CollectAsync(IEnumerable<string> inputs, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                paths.AddRange(Directory.EnumerateFiles(input).Where(f => CvExtensions.Contains(Path.GetExtension(f))));
            else if (File.Exists(input))
                paths.Add(input);
            else
                throw new InputException($"{input} is neither a file nor a folder.");
        }
        if (paths.Count == 0)
            throw new InputException("No CV files found: give CV files or a folder holding .pdf, .docx, .txt, .md or .json files.");
        var files = new List<ApplicantFile>(paths.Count);
        foreach (var path in paths.Distinct())
            files.Add(new ApplicantFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken)));
        return files;
    }

    private static async Task WriteAsync(IReadOnlyList<Dictionary<string, object?>> rows, ExportFormat format, FileInfo? target, TextWriter output)
    {
        if (format == ExportFormat.Json)
        {
            if (target is null)
                await CommandRunner.WriteJsonAsync(output, rows);
            else
                await File.WriteAllTextAsync(target.FullName, System.Text.Json.JsonSerializer.Serialize(rows, CommandRunner.Json));
            return;
        }
        using var buffer = new MemoryStream();
        RankingExport.Write(buffer, rows, format);
        if (target is not null)
            await File.WriteAllBytesAsync(target.FullName, buffer.ToArray());
        else
            await output.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}

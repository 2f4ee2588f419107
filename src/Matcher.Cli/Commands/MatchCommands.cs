using System.CommandLine;
using Matcher.Core.Cvs;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher match --cv FILE --posting FILE [--position N] [--json]</c></summary>
internal static class MatchCommands
{
    public static Command Create()
    {
        var cv = new Option<FileInfo>("--cv") { Description = "The CV: PDF, DOCX, TXT, Markdown or JSON Resume.", Required = true };
        var posting = new Option<FileInfo>("--posting") { Description = "The posting: text, HTML, JSON-LD, PDF or DOCX.", Required = true };
        var position = new Option<int>("--position") { Description = "Which position of the posting, counting from 1.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };

        var command = new Command("match", "Score a CV against one position of a posting, requirement by requirement.");
        command.Options.Add(cv);
        command.Options.Add(posting);
        command.Options.Add(position);
        command.Options.Add(json);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (output, token) =>
        {
            await using var services = CliServices.Build();
            var cvDocument = services.GetRequiredService<CvReader>().Read(await ReadFileAsync(parse.GetValue(cv)!, token), parse.GetValue(cv)!.Name, token);
            var postingDocument = services.GetRequiredService<PostingReader>().Read(await ReadFileAsync(parse.GetValue(posting)!, token), parse.GetValue(posting)!.Name, token);
            var report = await services.GetRequiredService<IMatchEngine>().MatchAsync(cvDocument, postingDocument, parse.GetValue(position) - 1, token);
            if (parse.GetValue(json))
                await CommandRunner.WriteJsonAsync(output, report);
            else
                await WriteTextAsync(output, report);
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    internal static async Task<byte[]> ReadFileAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
            throw new FileNotFoundException($"{file.FullName} does not exist.", file.FullName);
        return await File.ReadAllBytesAsync(file.FullName, cancellationToken);
    }

    private static async Task WriteTextAsync(TextWriter output, MatchReport report)
    {
        await output.WriteLineAsync($"{report.PositionTitle}: {report.Score:0}/100 — {report.Verdict}");
        await output.WriteLineAsync($"met {report.Summary.Met}, partial {report.Summary.Partial}, missing {report.Summary.Missing}");
        foreach (var r in report.Requirements)
        {
            await output.WriteLineAsync($"[{r.Status.ToString().ToLowerInvariant(),-7}] {r.Score:0.00} {(r.Kind == RequirementKind.Preferred ? "(preferred) " : "")}{r.Text}");
            foreach (var e in r.Evidence)
                await output.WriteLineAsync($"           “{e.Text}” ({e.Section})");
            await output.WriteLineAsync($"           {r.Reason}");
        }
    }
}

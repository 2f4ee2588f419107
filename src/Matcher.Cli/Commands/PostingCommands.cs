using System.CommandLine;
using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher posting parse FILE [--json]</c>: shows how Matcher reads a job posting.</summary>
public static class PostingCommands
{
    public static Command Create()
    {
        var posting = new Command("posting", "Read job postings.");
        posting.Subcommands.Add(Parse());
        return posting;
    }

    private static Command Parse()
    {
        var file = new Argument<FileInfo>("file") { Description = "Posting file: TXT, Markdown, HTML, JSON-LD, PDF or DOCX." };
        var json = new Option<bool>("--json") { Description = "Print the parsed posting as JSON." };
        var command = new Command("parse", "Parse a posting into positions and requirements.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (output, token) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new InputException($"File not found: {path.FullName}. Check the path.");
            var bytes = await File.ReadAllBytesAsync(path.FullName, token);
            await using var services = CliServices.BuildReaders();
            var reading = services.GetRequiredService<PostingReader>().Explain(bytes, path.Name, token);
            if (parse.GetValue(json))
                await CommandRunner.WriteJsonAsync(output, PostingJson.From(reading));
            else
                await WriteSummaryAsync(output, reading.Posting);
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private static async Task WriteSummaryAsync(TextWriter output, Posting posting)
    {
        await output.WriteLineAsync(string.Join(" · ", new[] { posting.Title, posting.Company, posting.Location, posting.EmploymentType }.Where(s => !string.IsNullOrWhiteSpace(s))));
        foreach (var (position, index) in posting.Positions.Select((p, i) => (p, i + 1)))
        {
            var required = position.Requirements.Count(r => r.Kind == RequirementKind.Required);
            var preferred = position.Requirements.Count - required;
            await output.WriteLineAsync($"{index}. {position.Title}: {position.Responsibilities.Count} responsibilities, {required} required and {preferred} preferred requirements");
        }
        if (posting.NotScored.Count > 0)
            await output.WriteLineAsync($"{posting.NotScored.Count} lines not scored ({string.Join(", ", posting.NotScored.GroupBy(l => l.Why).Select(g => $"{g.Key}: {g.Count()}"))})");
        foreach (var warning in posting.Warnings)
            await output.WriteLineAsync($"warning: {warning}");
    }
}

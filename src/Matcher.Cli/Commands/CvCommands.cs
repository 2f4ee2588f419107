using System.CommandLine;
using Matcher.Core.Cvs;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher cv parse FILE [--json]</c>: shows what Matcher reads from a CV.</summary>
public static class CvCommands
{
    public static Command Create()
    {
        var cv = new Command("cv", "Read CVs.");
        var parse = new Command("parse", "Read a CV (PDF, DOCX, TXT, Markdown, JSON Resume) and show its structure.");
        var file = new Argument<FileInfo>("file") { Description = "The CV file." };
        var json = new Option<bool>("--json") { Description = "Print the structure as JSON." };
        parse.Arguments.Add(file);
        parse.Options.Add(json);
        parse.SetAction((ParseResult result, CancellationToken ct) => CommandRunner.RunAsync(result, async (output, token) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
                throw new FileNotFoundException($"file not found: {path.FullName}", path.FullName);
            var bytes = await File.ReadAllBytesAsync(path.FullName, token);
            await using var services = CliServices.BuildReaders();
            var document = services.GetRequiredService<CvReader>().Read(bytes, path.Name, token);
            var view = CvView.From(document);
            if (result.GetValue(json))
                await CommandRunner.WriteJsonAsync(output, view);
            else
                await WriteTextAsync(output, view);
            return CommandRunner.Ok;
        }, ct));
        cv.Subcommands.Add(parse);
        return cv;
    }

    private static async Task WriteTextAsync(TextWriter output, CvView cv)
    {
        await output.WriteLineAsync($"Name: {cv.Name ?? "(not found)"}");
        await output.WriteLineAsync($"Experience: {cv.TotalYearsExperience:0.#} years in {cv.Experience.Count} roles");
        foreach (var role in cv.Experience)
            await output.WriteLineAsync($"  {role.Start ?? "?"} – {role.End ?? "?"}  {role.Title}{(role.Organization is null ? "" : $", {role.Organization}")}");
        await output.WriteLineAsync($"Education: {cv.Education.Count} entries");
        foreach (var e in cv.Education)
            await output.WriteLineAsync($"  {e.Degree} ({e.Level}) {e.Institution} {e.End}");
        await output.WriteLineAsync($"Skills: {string.Join(", ", cv.Skills)}");
        await output.WriteLineAsync($"Languages: {string.Join(", ", cv.Languages)}");
        foreach (var warning in cv.Warnings)
            await output.WriteLineAsync($"warning: {warning}");
    }
}

/// <summary>The CV as <c>cv parse --json</c> prints it: dates as "YYYY-MM", a current role ending "present".</summary>
internal sealed record CvView(
    string? Name, string? Email, string? Phone, IReadOnlyList<string> Links, string? Summary,
    IReadOnlyList<CvView.RoleView> Experience, IReadOnlyList<CvView.EducationView> Education,
    IReadOnlyList<string> Skills, IReadOnlyList<string> Languages, IReadOnlyList<string> Projects,
    IReadOnlyList<string> Publications, IReadOnlyList<string> Certifications,
    double TotalYearsExperience, IReadOnlyList<string> Warnings)
{
    internal sealed record RoleView(string? Title, string? Organization, string? Start, string? End, IReadOnlyList<string> Bullets);

    internal sealed record EducationView(string? Degree, string? Level, string? Field, string? Institution, int? End);

    public static CvView From(CvDocument cv) => new(
        cv.Contact.Name, cv.Contact.Email, cv.Contact.Phone, cv.Contact.Links, cv.Summary,
        cv.Experience.Select(r => new RoleView(r.Title, r.Organization, r.Start?.ToString(), r.IsCurrent ? "present" : r.End?.ToString(), r.Bullets)).ToList(),
        cv.Education.Select(e => new EducationView(e.Degree, e.Level?.ToString() ?? (e.Degree is null ? null : "other"), e.Field, e.Institution, e.EndYear)).ToList(),
        cv.Skills, cv.Languages, cv.Projects, cv.Publications, cv.Certifications, cv.TotalYearsExperience, cv.Warnings);
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Matcher.Core.Matching;
using Matcher.Core.Postings;
using Matcher.Core.Ranking;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Cli.Commands;

/// <summary>
/// <c>matcher bench match</c>: warm latency of one match, measured after one warm-up run so model loading and
/// first-call costs are not counted.
/// </summary>
internal static class BenchMatchCommands
{
    public static Command AddTo(Command bench)
    {
        bench.Subcommands.Add(Match());
        return bench;
    }

    private static Command Match()
    {
        var cv = new Option<FileInfo>("--cv") { Description = "The CV file.", Required = true };
        var posting = new Option<FileInfo>("--posting") { Description = "The posting file.", Required = true };
        var position = new Option<int>("--position") { Description = "Position number, from 1.", DefaultValueFactory = _ => 1 };
        var rounds = new Option<int>("--rounds") { Description = "Timed matches after the warm-up.", DefaultValueFactory = _ => 20 };
        var command = new Command("match", "Warm latency of matching one CV to one position (median and 95th percentile).");
        foreach (var option in new Option[] { cv, posting, position, rounds })
            command.Options.Add(option);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, async (output, token) =>
        {
            var count = parse.GetValue(rounds);
            if (count < 1)
                throw new InputException("--rounds must be at least 1.");
            await using var services = CliServices.Build();
            var cvDocument = services.GetRequiredService<CvReader>().Read(await MatchCommands.ReadFileAsync(parse.GetValue(cv)!, token), parse.GetValue(cv)!.Name, token);
            var postingDocument = services.GetRequiredService<PostingReader>().Read(await MatchCommands.ReadFileAsync(parse.GetValue(posting)!, token), parse.GetValue(posting)!.Name, token);
            var engine = services.GetRequiredService<IMatchEngine>();
            var index = parse.GetValue(position) - 1;

            await engine.MatchAsync(cvDocument, postingDocument, index, token);
            var timings = new List<double>(count);
            for (var i = 0; i < count; i++)
            {
                var clock = Stopwatch.StartNew();
                await engine.MatchAsync(cvDocument, postingDocument, index, token);
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
            timings.Sort();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"match: {count} warm rounds, median {timings[count / 2]:0.0} ms, p95 {timings[Math.Min(count - 1, (int)Math.Ceiling(count * 0.95) - 1)]:0.0} ms"));
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}

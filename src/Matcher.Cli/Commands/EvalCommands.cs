using System.CommandLine;
using System.Globalization;
using Matcher.Core.Evaluation;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher eval</c>: rank agreement of a scorer with the human fit labels of an evaluation set.</summary>
public static class EvalCommands
{
    public static Command Create()
    {
        var labels = new Option<string>("--labels")
        {
            Description = "Labels CSV (posting,cv,label[,position]); postings/ and cvs/ are read from beside it.",
            Required = true,
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = $"Measure a baseline instead of the matching engine: {string.Join(", ", EvalScorers.Names.Where(n => n != EvalScorers.Engine))}.",
        };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var details = new Option<bool>("--details") { Description = "Also print every pair's score beside its label, worst disagreements first." };

        var command = new Command("eval", "Measure how well scores agree with human fit labels (Spearman and nDCG@10 per posting).");
        command.Options.Add(labels);
        command.Options.Add(baseline);
        command.Options.Add(json);
        command.Options.Add(details);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, async (output, ct) =>
        {
            var scorerName = parse.GetValue(baseline) ?? EvalScorers.Engine;
            var factory = EvalScorers.Resolve(scorerName);

            var set = await new LabelSetLoader().LoadAsync(parse.GetValue(labels)!, cancellationToken: ct);
            await using var services = CliServices.Build();
            var score = await factory(set, services, ct);
            var scored = new Dictionary<(string Cv, string Posting, int Position), double>();
            var result = await new Evaluator().EvaluateAsync(set, scorerName.ToLowerInvariant(), async (cv, posting, position, token) =>
                scored[(cv, posting, position)] = await score(cv, posting, position, token), ct);
            if (parse.GetValue(json))
                await CommandRunner.WriteJsonAsync(output, result);
            else
                await WriteTableAsync(output, result);
            if (parse.GetValue(details))
                await WriteDetailsAsync(output, set, scored);
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }

    private static async Task WriteTableAsync(TextWriter output, EvaluationResult result)
    {
        var width = Math.Max("posting".Length, result.Postings.Max(p => p.Posting.Length));
        await output.WriteLineAsync($"{"posting".PadRight(width)}  {"pos",3}  {"pairs",5}  {"spearman",8}  {"ndcg@10",7}  {"in-field",8}");
        foreach (var p in result.Postings)
        {
            var note = p.Note is null ? "" : $"  ({p.Note})";
            await output.WriteLineAsync($"{p.Posting.PadRight(width)}  {p.Position,3}  {p.Pairs,5}  {Format(p.Spearman),8}  {Format(p.Ndcg10),7}  {Format(p.SpearmanInField),8}{note}");
        }
        var measured = result.Postings.Count(p => p.Spearman is not null);
        var label = $"mean over {measured} of {result.Postings.Count}";
        await output.WriteLineAsync($"{label.PadRight(width)}  {"",3}  {result.Postings.Sum(p => p.Pairs),5}  {Format(result.Mean.Spearman),8}  {Format(result.Mean.Ndcg10),7}  {Format(result.Mean.SpearmanInField),8}");
        await output.WriteLineAsync($"scorer: {result.Scorer}; in-field = Spearman over CVs labelled 1 or more");
    }

    /// <summary>
    /// One line per pair with its score's rank inside the group beside the label, so the pairs a scorer orders
    /// furthest from the human reader come first.
    /// </summary>
    private static async Task WriteDetailsAsync(TextWriter output, LabelSet set, Dictionary<(string Cv, string Posting, int Position), double> scored)
    {
        var rows = set.Pairs
            .GroupBy(p => (p.Posting, p.Position))
            .SelectMany(group =>
            {
                var pairs = group.Select(p => (Pair: p, Score: scored[(set.CvTexts[p.Cv], set.PostingTexts[p.Posting], p.Position)])).ToList();
                var scoreRanks = RankMetrics.AverageRanks(pairs.Select(p => p.Score).ToList());
                var labelRanks = RankMetrics.AverageRanks(pairs.Select(p => (double)p.Pair.Label).ToList());
                return pairs.Select((p, i) => (p.Pair, p.Score, Gap: scoreRanks[i] - labelRanks[i]));
            })
            .OrderByDescending(r => Math.Abs(r.Gap))
            .ToList();
        await output.WriteLineAsync();
        await output.WriteLineAsync("label    score  rank gap  posting / position / cv");
        foreach (var (pair, score, gap) in rows)
            await output.WriteLineAsync($"{pair.Label,5}  {score,7:0.###}  {gap,8:+0.0;-0.0;0}  {pair.Posting} / {pair.Position} / {pair.Cv}");
    }

    private static string Format(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";
}

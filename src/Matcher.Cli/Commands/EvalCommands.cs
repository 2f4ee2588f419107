using System.CommandLine;
using System.Globalization;
using Matcher.Core.Evaluation;
using Matcher.Core.Matching.Signals;

namespace Matcher.Cli.Commands;

/// <summary><c>matcher eval</c>: rank agreement of a scorer with the human fit labels of an evaluation set.</summary>
public static class EvalCommands
{
    private static readonly string[] Compared = [EvalScorers.Engine, "tfidf", "embedding"];

    public static Command Create()
    {
        var labels = new Option<string>("--labels")
        {
            Description = "Labels CSV (posting,cv,label[,position][,score]); postings/ and cvs/ are read from beside it. A score column (0–100) orders CVs that share a label.",
            Required = true,
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = $"Measure a baseline instead of the matching engine: {string.Join(", ", EvalScorers.Names.Where(n => n != EvalScorers.Engine))}.",
        };
        var compare = new Option<bool>("--compare") { Description = "Measure the engine and both baselines and print them side by side." };
        var folds = new Option<int?>("--folds")
        {
            Description = "Cross-validate the engine's fit model: split the postings into N groups, fit the weights on the others and score each group held out.",
        };
        var train = new Option<string?>("--train") { Description = "Fit the engine's fit model on every pair and write it to this file (the format of fit-model.json)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var details = new Option<bool>("--details") { Description = "Also print every pair's score beside its label, worst disagreements first." };
        var signals = new Option<string?>("--signals") { Description = "Write every pair's label, signal values and scores to this CSV file, for studying the signals." };

        var command = new Command("eval", "Measure how well scores agree with human fit labels (Spearman and nDCG@10 per posting).");
        foreach (var option in new Option[] { labels, baseline, compare, folds, train, json, details, signals })
            command.Options.Add(option);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, async (output, ct) =>
        {
            var foldCount = parse.GetValue(folds);
            if (foldCount is < 2)
                throw new Core.Documents.InputException("--folds needs at least 2 groups of postings.");
            var set = await new LabelSetLoader().LoadAsync(parse.GetValue(labels)!, cancellationToken: ct);
            if (foldCount is { } f && set.Pairs.Select(p => p.Posting).Distinct().Count() < f)
                throw new Core.Documents.InputException($"--folds {f} needs at least {f} postings; the set has {set.Pairs.Select(p => p.Posting).Distinct().Count()}.");
            await using var services = CliServices.Build();

            var names = parse.GetValue(compare) ? Compared : [parse.GetValue(baseline) ?? EvalScorers.Engine];
            var results = new List<EvaluationResult>();
            var scoredByName = new Dictionary<string, Dictionary<LabelledPair, double>>();
            List<SignalSample>? samples = null;
            foreach (var name in names)
            {
                var scored = new Dictionary<LabelledPair, double>();
                if (name.Equals(EvalScorers.Engine, StringComparison.OrdinalIgnoreCase))
                {
                    samples = await MeasureSignalsAsync(set, services, scored, ct);
                }
                else
                {
                    var score = await EvalScorers.Resolve(name)(set, services, ct);
                    foreach (var pair in set.Pairs)
                        scored[pair] = await score(set.CvTexts[pair.Cv], set.PostingTexts[pair.Posting], pair.Position, ct);
                }
                scoredByName[name.ToLowerInvariant()] = scored;
                results.Add(await EvaluateAsync(set, name.ToLowerInvariant(), scored, ct));
            }

            IReadOnlyList<FitModel> foldModels = [];
            if (foldCount is { } count && samples is not null)
            {
                var (heldOut, models) = FitTraining.CrossValidate(samples, count);
                foldModels = models;
                var cvName = $"engine, {count}-fold held out";
                scoredByName[cvName] = heldOut;
                results.Insert(1, await EvaluateAsync(set, cvName, heldOut, ct));
            }
            if (parse.GetValue(train) is { } trainPath && samples is not null)
            {
                var model = FitTraining.Train(samples, $"fit-model-{DateTime.UtcNow:yyyy-MM-dd}",
                    $"{samples.Count} labelled pairs of {samples.Select(s => s.Pair.Posting).Distinct().Count()} postings ({Path.GetFileName(set.LabelsPath)}), ridge {FitTraining.Ridge.ToString(CultureInfo.InvariantCulture)}, a scale of {FitTraining.CalibrationKnots} knots");
                await File.WriteAllTextAsync(trainPath, model.ToJson() + "\n", ct);
                await Console.Error.WriteLineAsync($"Wrote the fit model to {trainPath}.");
            }

            if (parse.GetValue(signals) is { } signalsPath && samples is not null)
            {
                await File.WriteAllTextAsync(signalsPath, SignalsCsv(samples, scoredByName), ct);
                await Console.Error.WriteLineAsync($"Wrote {samples.Count} pairs' signals to {signalsPath}.");
            }

            if (parse.GetValue(json))
            {
                if (results.Count == 1)
                    await CommandRunner.WriteJsonAsync(output, results[0]);
                else
                    await CommandRunner.WriteJsonAsync(output, results);
            }
            else
            {
                if (results.Count == 1)
                    await WriteTableAsync(output, results[0]);
                else
                    await WriteComparisonAsync(output, results);
                await WriteCalibrationAsync(output, scoredByName);
                foreach (var model in foldModels)
                {
                    await output.WriteLineAsync($"{model.Name}: intercept {Format(model.Intercept)}, " + string.Join(", ", model.Weights.Select(w => $"{w.Key} {Format(w.Value)}")));
                    if (model.Calibration.Count > 0)
                        await output.WriteLineAsync($"{model.Name}: scale (raw fit → score) " + string.Join(", ", model.Calibration.Select(k => $"{k.Fit.ToString("0.0", CultureInfo.InvariantCulture)} → {k.Score.ToString("0.0", CultureInfo.InvariantCulture)}")));
                }
            }
            if (parse.GetValue(details))
                await WriteDetailsAsync(output, set, scoredByName.First().Value);
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }

    private static async Task<List<SignalSample>> MeasureSignalsAsync(LabelSet set, IServiceProvider services, Dictionary<LabelledPair, double> scored, CancellationToken ct)
    {
        await EvalScorers.PrepareEngineAsync(set, services, ct);
        var reports = EvalScorers.EngineReports(services);
        var samples = new List<SignalSample>();
        foreach (var pair in set.Pairs)
        {
            var report = await reports(set.CvTexts[pair.Cv], set.PostingTexts[pair.Posting], pair.Position, ct);
            scored[pair] = report.Score;
            samples.Add(new SignalSample(pair, report.Signals.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal)));
        }
        return samples;
    }

    /// <summary>One row per pair: its label and fine score, each signal's value, then each scorer's score.</summary>
    internal static string SignalsCsv(IReadOnlyList<SignalSample> samples, IReadOnlyDictionary<string, Dictionary<LabelledPair, double>> scoredByName)
    {
        var text = new System.Text.StringBuilder();
        var scorers = scoredByName.Keys.ToList();
        // The model's signals first, then any other reading the engine reports, so a new signal can be studied before it is weighed.
        var signals = FitTraining.Signals.Concat(samples.SelectMany(s => s.Values.Keys)).Distinct(StringComparer.Ordinal).ToList();
        text.AppendLine(string.Join(',', new[] { "posting", "position", "cv", "label", "score" }
            .Concat(signals).Concat(scorers.Select(s => "score:" + s)).Select(Quote)));
        foreach (var sample in samples)
        {
            var pair = sample.Pair;
            var cells = new List<string> { Quote(pair.Posting), Num(pair.Position), Quote(pair.Cv), Num(pair.Label), pair.Score is { } s ? Num(s) : "" };
            cells.AddRange(signals.Select(signal => Num(sample.Values.GetValueOrDefault(signal))));
            cells.AddRange(scorers.Select(scorer => scoredByName[scorer].TryGetValue(pair, out var v) ? Num(v) : ""));
            text.AppendLine(string.Join(',', cells));
        }
        return text.ToString();

        static string Num(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
        static string Quote(string value) => value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static Task<EvaluationResult> EvaluateAsync(LabelSet set, string name, Dictionary<LabelledPair, double> scored, CancellationToken ct)
    {
        // Scores were computed once per pair; the evaluator looks them up by the texts it is given.
        var lookup = set.Pairs.GroupBy(p => (set.CvTexts[p.Cv], set.PostingTexts[p.Posting], p.Position))
            .ToDictionary(g => g.Key, g => scored[g.First()]);
        return new Evaluator().EvaluateAsync(set, name, (cv, posting, position, _) => Task.FromResult(lookup[(cv, posting, position)]), ct);
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
        await output.WriteLineAsync($"{"median".PadRight(width)}  {"",3}  {"",5}  {Format(result.Mean.MedianSpearman),8}  {Format(result.Mean.MedianNdcg10),7}");
        await output.WriteLineAsync($"scorer: {result.Scorer}; in-field = Spearman over CVs labelled 1 or more");
    }

    /// <summary>Spearman and nDCG@10 of every scorer, posting by posting, then the means and medians.</summary>
    private static async Task WriteComparisonAsync(TextWriter output, IReadOnlyList<EvaluationResult> results)
    {
        var width = Math.Max("posting".Length, results[0].Postings.Max(p => p.Posting.Length + 4));
        await output.WriteLineAsync("scorers: " + string.Join("; ", results.Select((r, i) => $"[{i + 1}] {r.Scorer}")));
        await output.WriteLineAsync("posting".PadRight(width) + string.Concat(results.Select((_, i) => $"  {$"[{i + 1}] rho",8} {"ndcg",6}")));
        for (var row = 0; row < results[0].Postings.Count; row++)
        {
            var p = results[0].Postings[row];
            var name = p.Position == 0 ? p.Posting : $"{p.Posting} #{p.Position}";
            await output.WriteLineAsync(name.PadRight(width) + string.Concat(results.Select(r => $"  {Format(r.Postings[row].Spearman),8} {Format(r.Postings[row].Ndcg10),6}")));
        }
        await output.WriteLineAsync("mean".PadRight(width) + string.Concat(results.Select(r => $"  {Format(r.Mean.Spearman),8} {Format(r.Mean.Ndcg10),6}")));
        await output.WriteLineAsync("median".PadRight(width) + string.Concat(results.Select(r => $"  {Format(r.Mean.MedianSpearman),8} {Format(r.Mean.MedianNdcg10),6}")));
    }

    /// <summary>The engine's mean score per label: a calibrated score rises band by band.</summary>
    private static async Task WriteCalibrationAsync(TextWriter output, Dictionary<string, Dictionary<LabelledPair, double>> scoredByName)
    {
        foreach (var (name, scored) in scoredByName.Where(s => s.Key.StartsWith(EvalScorers.Engine, StringComparison.Ordinal)))
        {
            var means = FitTraining.MeanScoreByLabel(scored.Select(s => (s.Key, s.Value)));
            await output.WriteLineAsync($"{name}: mean score by label " + string.Join(", ", means.Select(m => $"{m.Key}: {m.Value.ToString("0.0", CultureInfo.InvariantCulture)}")));
        }
    }

    /// <summary>
    /// One line per pair with its score's rank inside the group beside the label, so the pairs a scorer orders
    /// furthest from the human reader come first.
    /// </summary>
    private static async Task WriteDetailsAsync(TextWriter output, LabelSet set, Dictionary<LabelledPair, double> scored)
    {
        var rows = set.Pairs
            .GroupBy(p => (p.Posting, p.Position))
            .SelectMany(group =>
            {
                var pairs = group.Select(p => (Pair: p, Score: scored[p])).ToList();
                var scoreRanks = RankMetrics.AverageRanks(pairs.Select(p => p.Score).ToList());
                var labelRanks = RankMetrics.AverageRanks(pairs.Select(p => p.Pair.Reference).ToList());
                return pairs.Select((p, i) => (p.Pair, p.Score, Gap: scoreRanks[i] - labelRanks[i]));
            })
            .OrderByDescending(r => Math.Abs(r.Gap))
            .ToList();
        await output.WriteLineAsync();
        await output.WriteLineAsync("label  reference    score  rank gap  posting / position / cv");
        foreach (var (pair, score, gap) in rows)
            await output.WriteLineAsync($"{pair.Label,5}  {pair.Reference,9:0.#}  {score,7:0.###}  {gap,8:+0.0;-0.0;0}  {pair.Posting} / {pair.Position} / {pair.Cv}");
    }

    private static string Format(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";
}

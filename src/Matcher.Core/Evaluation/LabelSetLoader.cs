using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Matcher.Core.Documents;

namespace Matcher.Core.Evaluation;

/// <summary>
/// Reads a labels CSV (<c>posting,cv,label</c>, an optional <c>position</c> and an optional fine <c>score</c> 0–100; other columns such as notes are ignored)
/// and the documents it names, from <c>postings/</c> and <c>cvs/</c> beside the CSV unless other folders are given.
/// </summary>
public sealed class LabelSetLoader(DocumentReader documentReader)
{
    private const int MaxReportedErrors = 5;
    private static readonly string[] RequiredColumns = ["posting", "cv", "label"];

    public LabelSetLoader() : this(new DocumentReader()) { }

    public async Task<LabelSet> LoadAsync(string labelsPath, string? postingsDirectory = null, string? cvsDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(labelsPath);
        if (!File.Exists(labelsPath))
            throw new InputException($"The labels file '{labelsPath}' does not exist. Pass the path of a CSV with the columns posting,cv,label.");
        var root = Path.GetDirectoryName(Path.GetFullPath(labelsPath))!;
        postingsDirectory ??= Path.Combine(root, "postings");
        cvsDirectory ??= Path.Combine(root, "cvs");

        var errors = new List<string>();
        var pairs = ReadPairs(labelsPath, errors);
        if (errors.Count == 0 && pairs.Count == 0)
            errors.Add("it holds no labelled pairs");

        var postings = await ReadDocumentsAsync(postingsDirectory, pairs.Select(p => p.Posting), "posting", errors, cancellationToken);
        var cvs = await ReadDocumentsAsync(cvsDirectory, pairs.Select(p => p.Cv), "CV", errors, cancellationToken);
        if (errors.Count > 0)
        {
            var shown = string.Join("; ", errors.Take(MaxReportedErrors));
            var more = errors.Count > MaxReportedErrors ? $"; and {errors.Count - MaxReportedErrors} more" : "";
            throw new InputException($"The labels file '{labelsPath}' cannot be used: {shown}{more}. Fix these rows and run again.");
        }
        return new LabelSet { LabelsPath = labelsPath, Pairs = pairs, PostingTexts = postings, CvTexts = cvs };
    }

    private static List<LabelledPair> ReadPairs(string labelsPath, List<string> errors)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, DetectColumnCountChanges = false };
        using var reader = new StreamReader(labelsPath);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            errors.Add("it is empty; the first line must be the header posting,cv,label");
            return [];
        }
        var header = csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add($"the header lacks the column(s) {string.Join(", ", missing)} (found: {string.Join(",", header)})");
            return [];
        }
        int postingColumn = header.IndexOf("posting"), cvColumn = header.IndexOf("cv"), labelColumn = header.IndexOf("label"), positionColumn = header.IndexOf("position"), scoreColumn = header.IndexOf("score");

        var pairs = new List<LabelledPair>();
        var seen = new HashSet<(string, int, string)>();
        while (csv.Read())
        {
            var row = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            string Field(int column) => column >= 0 && column < record.Length ? record[column].Trim() : "";
            if (record.All(string.IsNullOrWhiteSpace))
                continue;

            var posting = Field(postingColumn);
            var cv = Field(cvColumn);
            var labelText = Field(labelColumn);
            var positionText = Field(positionColumn);
            if (posting.Length == 0 || cv.Length == 0)
            {
                errors.Add($"line {row} has an empty posting or cv");
                continue;
            }
            if (!int.TryParse(labelText, NumberStyles.None, CultureInfo.InvariantCulture, out var label) || label is < LabelSet.MinLabel or > LabelSet.MaxLabel)
            {
                errors.Add($"line {row} has label '{labelText}'; labels are whole numbers from {LabelSet.MinLabel} to {LabelSet.MaxLabel}");
                continue;
            }
            var position = 0;
            if (positionText.Length > 0 && !int.TryParse(positionText, NumberStyles.None, CultureInfo.InvariantCulture, out position))
            {
                errors.Add($"line {row} has position '{positionText}'; positions are 0-based whole numbers, or empty for 0");
                continue;
            }
            double? fine = null;
            var scoreText = Field(scoreColumn);
            if (scoreText.Length > 0)
            {
                if (!double.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || parsed is < 0 or > 100)
                {
                    errors.Add($"line {row} has score '{scoreText}'; fine scores are numbers from 0 to 100, or empty");
                    continue;
                }
                fine = parsed;
            }
            if (!seen.Add((posting, position, cv)))
            {
                errors.Add($"line {row} labels {cv} against {posting} position {position} a second time");
                continue;
            }
            pairs.Add(new LabelledPair(posting, position, cv, label, fine));
        }
        return pairs;
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadDocumentsAsync(
        string directory, IEnumerable<string> names, string kind, List<string> errors, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                errors.Add($"{kind} file '{name}' is not in {directory}");
                continue;
            }
            try
            {
                var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
                texts[name] = documentReader.Read(bytes, name).Text;
            }
            catch (InputException ex)
            {
                errors.Add($"{kind} file '{name}' cannot be read ({ex.Message.TrimEnd('.')})");
            }
        }
        return texts;
    }
}

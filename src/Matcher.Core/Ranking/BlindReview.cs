using Matcher.Core.Cvs;
using Matcher.Core.Reports;

namespace Matcher.Core.Ranking;

/// <summary>
/// Hides who an applicant is in a report: quoted CV lines can carry the name, e-mail, phone or profile links,
/// so those strings are replaced wherever the report repeats CV text.
/// </summary>
public static class BlindReview
{
    public const string Hidden = "[hidden]";

    public static MatchReport Redact(MatchReport report, ContactDetails contact, string? fileName)
    {
        var secrets = new[] { contact.Name, contact.Email, contact.Phone, fileName, fileName is null ? null : Path.GetFileNameWithoutExtension(fileName) }
            .Concat(contact.Links)
            .Concat(contact.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length > 2) ?? [])
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => s!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(s => s.Length)
            .ToList();
        return report with
        {
            Requirements = report.Requirements.Select(r => r with
            {
                Reason = Scrub(r.Reason, secrets),
                Evidence = r.Evidence.Select(e => e with { Text = Scrub(e.Text, secrets) }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// Why a CV could not be read, without its file name: reader messages start with the quoted name
    /// ("\"John_Smith_CV.pdf\" is a damaged PDF…"), which in blind review would say who the applicant is.
    /// </summary>
    public static string? ErrorText(string? error, string fileName, string? name = null)
    {
        if (string.IsNullOrEmpty(error))
            return error;
        var names = new[] { fileName, Path.GetFileName(fileName), Path.GetFileNameWithoutExtension(fileName), name }
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(s => s.Length).ToList();
        foreach (var secret in names)
        {
            var quoted = $"\"{secret}\"";
            if (error.StartsWith(quoted, StringComparison.OrdinalIgnoreCase))
                error = "The file" + error[quoted.Length..];
            error = error.Replace(quoted, "the file", StringComparison.OrdinalIgnoreCase);
        }
        return Scrub(error, names);
    }

    private static string Scrub(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
            text = text.Replace(secret, Hidden, StringComparison.OrdinalIgnoreCase);
        return System.Text.RegularExpressions.Regex.Replace(text, @"https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+", Hidden);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Matcher.Core.Ranking;

/// <summary>What tells two applicants of a ranking apart, or shows they are the same person sending their CV twice.</summary>
public sealed record ApplicantIdentity(string? Email, string? Name, string? TextSha256);

/// <summary>Another applicant who is possibly the same person, and why.</summary>
public sealed record PossibleDuplicate(int Other, IReadOnlyList<string> Reasons);

/// <summary>
/// Finds applicants who are probably one person: the same e-mail, the same name, or the same CV text (a re-sent
/// file, or the same CV as PDF and DOCX). A person who applies twice must not be counted twice, nor given two positions.
/// </summary>
public static class ApplicantDuplicates
{
    public const string SameEmail = "same e-mail";
    public const string SameName = "same name";
    public const string SameText = "same CV text";

    /// <summary>A fingerprint of a CV's text that ignores case and spacing, which differ between a PDF and a DOCX of one CV.</summary>
    public static string TextHash(string text)
    {
        var folded = string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)));
    }

    /// <summary>For each applicant, the others who match it directly, with every reason that applies.</summary>
    public static IReadOnlyList<IReadOnlyList<PossibleDuplicate>> Find(IReadOnlyList<ApplicantIdentity> applicants)
    {
        ArgumentNullException.ThrowIfNull(applicants);
        var keys = applicants.Select(a => (Email: EmailKey(a.Email), Name: NameKey(a.Name), Text: a.TextSha256)).ToList();
        var result = new List<IReadOnlyList<PossibleDuplicate>>(applicants.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var found = new List<PossibleDuplicate>();
            for (var j = 0; j < keys.Count; j++)
            {
                if (i == j)
                    continue;
                var reasons = new List<string>(3);
                if (keys[i].Email is { } email && email == keys[j].Email)
                    reasons.Add(SameEmail);
                if (keys[i].Name is { } name && name == keys[j].Name)
                    reasons.Add(SameName);
                if (keys[i].Text is { } text && text == keys[j].Text)
                    reasons.Add(SameText);
                if (reasons.Count > 0)
                    found.Add(new PossibleDuplicate(j, reasons));
            }
            result.Add(found);
        }
        return result;
    }

    /// <summary>
    /// One number per applicant, shared by everyone linked to it through any chain of matches (A has B's e-mail,
    /// B has C's text: one person). Numbers are the index of the group's first applicant.
    /// </summary>
    public static IReadOnlyList<int> People(IReadOnlyList<ApplicantIdentity> applicants)
    {
        var duplicates = Find(applicants);
        var person = Enumerable.Range(0, applicants.Count).ToArray();
        int Root(int i) => person[i] == i ? i : person[i] = Root(person[i]);
        for (var i = 0; i < duplicates.Count; i++)
            foreach (var duplicate in duplicates[i])
            {
                var (a, b) = (Root(i), Root(duplicate.Other));
                if (a != b)
                    person[Math.Max(a, b)] = Math.Min(a, b);
            }
        return Enumerable.Range(0, applicants.Count).Select(Root).ToList();
    }

    private static string? EmailKey(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>Case, accents, punctuation and spacing do not make a different name: "José  García" is "jose garcia".</summary>
    private static string? NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var letters = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            letters.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var key = string.Join(' ', letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return key.Length == 0 ? null : key;
    }
}

using System.Text.RegularExpressions;

namespace Matcher.Core.Cvs;

public enum CvSection { Header, Summary, Experience, Education, Skills, Projects, Publications, Languages, Certifications, Contact, Other }

/// <summary>A run of lines under one heading; the header is everything before the first heading.</summary>
public sealed record CvSectionBlock(CvSection Section, string? Heading, IReadOnlyList<CvLine> Lines);

/// <summary>
/// Splits a CV into sections by its headings, in the usual English, German and Spanish wordings and in any casing.
/// A heading is a short line that is only a heading phrase, or a phrase followed by a colon and content ("Skills: C#, SQL").
/// </summary>
public static partial class CvSectionDetector
{
    private const int MaxHeadingLength = 60;

    private static readonly Dictionary<string, CvSection> Headings = Build(new()
    {
        [CvSection.Summary] = ["summary", "professional summary", "career summary", "profile", "professional profile", "personal profile",
            "about", "about me", "objective", "career objective", "personal statement", "overview", "executive summary",
            "summary of qualifications", "professional overview", "career profile", "qualifications summary", "highlights", "career highlights",
            "profil", "kurzprofil", "über mich", "zusammenfassung", "perfil", "perfil profesional", "resumen", "sobre mí", "acerca de mí", "extracto"],
        [CvSection.Experience] = ["experience", "work experience", "professional experience", "relevant experience", "employment",
            "employment history", "work history", "career history", "career", "professional background", "internships", "experience and internships",
            "berufserfahrung", "berufliche erfahrung", "berufspraxis", "praxiserfahrung", "werdegang", "beruflicher werdegang", "praktika",
            "experiencia", "experiencia laboral", "experiencia profesional", "trayectoria profesional", "historial laboral"],
        [CvSection.Education] = ["education", "academic background", "education and training", "academic qualifications", "qualifications",
            "studies", "academic history", "ausbildung", "bildung", "bildungsweg", "studium", "schulbildung", "akademischer werdegang",
            "schul- und berufsausbildung", "educación", "formación", "formación académica", "estudios", "educación y formación"],
        [CvSection.Skills] = ["skills", "technical skills", "core skills", "key skills", "hard skills", "soft skills", "it skills", "core competencies",
            "competencies", "skills and tools", "tools", "technologies", "tech stack", "expertise", "areas of expertise", "skills and technologies",
            "skills and competencies", "kenntnisse", "fähigkeiten", "fachkenntnisse", "it-kenntnisse", "edv-kenntnisse", "kompetenzen",
            "fähigkeiten und kenntnisse", "habilidades", "competencias", "conocimientos", "aptitudes", "habilidades técnicas", "conocimientos técnicos"],
        [CvSection.Languages] = ["languages", "language skills", "language", "sprachen", "sprachkenntnisse", "idiomas", "lenguas"],
        [CvSection.Projects] = ["projects", "personal projects", "selected projects", "side projects", "key projects", "open source",
            "projekte", "proyectos"],
        [CvSection.Publications] = ["publications", "selected publications", "papers", "publikationen", "veröffentlichungen", "publicaciones"],
        [CvSection.Certifications] = ["certifications", "certificates", "certification", "licenses and certifications", "licences and certifications",
            "courses", "training", "courses and certifications", "zertifikate", "zertifizierungen", "weiterbildung", "weiterbildungen",
            "certificaciones", "certificados", "cursos"],
        [CvSection.Contact] = ["contact", "contact details", "contact information", "personal details", "personal information", "personal data",
            "kontakt", "kontaktdaten", "persönliche daten", "contacto", "datos personales", "datos de contacto"],
        [CvSection.Other] = ["interests", "hobbies", "hobbies and interests", "awards", "honors", "honours", "awards and honors", "achievements",
            "volunteering", "volunteer experience", "references", "activities", "extracurricular activities", "memberships",
            "interessen", "hobbys", "auszeichnungen", "ehrenamt", "referenzen", "intereses", "aficiones", "premios", "voluntariado", "referencias"],
    });

    public static IReadOnlyList<CvSectionBlock> Split(IReadOnlyList<CvLine> lines)
    {
        var blocks = new List<CvSectionBlock>();
        var section = CvSection.Header;
        string? heading = null;
        var current = new List<CvLine>();
        var previousBlank = true;
        foreach (var line in lines)
        {
            // "Tools: Docker, Git" inside a role describes the role; it opens a section only after a blank line.
            if (Match(line) is { } found
                && (found.Content is not { Length: > 0 } || previousBlank || section is not (CvSection.Experience or CvSection.Projects)))
            {
                previousBlank = false;
                if (current.Count > 0 || heading is not null)
                    blocks.Add(new CvSectionBlock(section, heading, current));
                (section, heading, current) = (found.Section, found.Heading, []);
                if (found.Content is { Length: > 0 } rest)
                    current.Add(new CvLine(rest, false));
                continue;
            }
            current.Add(line);
            previousBlank = line.IsBlank;
        }
        if (current.Count > 0 || heading is not null)
            blocks.Add(new CvSectionBlock(section, heading, current));
        return blocks;
    }

    /// <summary>The section a line opens, with any content after a colon, or null when the line is not a heading.</summary>
    public static (CvSection Section, string Heading, string? Content)? Match(CvLine line)
    {
        if (line.IsBlank || line.IsBullet)
            return null;
        var text = line.Text;
        var colon = text.IndexOf(':');
        var head = colon > 0 ? text[..colon] : text;
        if (head.Length > MaxHeadingLength)
            return null;
        if (!Headings.TryGetValue(Normalize(head), out var section))
            return null;
        var rest = colon > 0 ? text[(colon + 1)..].Trim() : null;
        return (section, head.Trim(), rest);
    }

    internal static string Normalize(string heading)
    {
        var s = heading.Trim().Trim('#', '*', '_', '=', '-', '–', '—', '|', ':', ' ', '.').ToLowerInvariant();
        s = s.Replace("&", " and ").Replace(" und ", " and ").Replace(" y ", " and ");
        return Spaces().Replace(s, " ").Trim();
    }

    private static Dictionary<string, CvSection> Build(Dictionary<CvSection, string[]> wordings)
    {
        var map = new Dictionary<string, CvSection>(StringComparer.Ordinal);
        foreach (var (section, words) in wordings)
            foreach (var w in words)
                map[Normalize(w)] = section;
        return map;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

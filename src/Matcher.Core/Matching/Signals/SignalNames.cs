namespace Matcher.Core.Matching.Signals;

/// <summary>The signals a recruiter reads a CV for, by the names the fit model and the report use.</summary>
public static class SignalNames
{
    /// <summary>How well the CV meets the position's requirements, requirement by requirement.</summary>
    public const string Requirements = "requirements";

    /// <summary>How well the CV meets the requirements closest to the job itself, rather than those any job asks.</summary>
    public const string Core = "core";

    /// <summary>How much of the position's day-to-day work the CV shows.</summary>
    public const string Duties = "duties";

    /// <summary>How close the CV's own job titles are to the position's title.</summary>
    public const string Role = "role";

    /// <summary>How much of the CV is about this line of work, rather than a line or two of it.</summary>
    public const string Focus = "focus";

    /// <summary>Years in roles like this one, against the years the position asks for.</summary>
    public const string Years = "years";

    /// <summary>Licences, certificates, degrees and enrolment the position cannot do without.</summary>
    public const string MustHaves = "mustHaves";

    /// <summary>Career stage: a student for an internship, not far beyond an entry-level post.</summary>
    public const string Level = "level";

    /// <summary>How far the candidate's present job titles sit above the position's level (1 when not more than one level above).</summary>
    public const string Seniority = "seniority";

    /// <summary>The CV's highest degree against the degree the position requires.</summary>
    public const string Degree = "degree";
}

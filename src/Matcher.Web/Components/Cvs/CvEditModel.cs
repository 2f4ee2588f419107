using System.Globalization;
using System.Text.RegularExpressions;
using Matcher.Core.Cvs;
using Matcher.Core.Postings;
using Matcher.Core.Users;

namespace Matcher.Web.Components.Cvs;

/// <summary>
/// The parts of a read CV that people may correct, held as text while they type. Dates are checked
/// as they are entered; <see cref="ToCv"/> gives the corrected CV with its years of experience counted again.
/// </summary>
public sealed class CvEditModel
{
    private readonly CvDocument _original;

    public CvEditModel(CvDocument cv)
    {
        _original = cv;
        Roles = cv.Experience.Select(r => new RoleEdit(r)).ToList();
        Education = cv.Education.Select(e => new EducationEdit(e)).ToList();
        Skills = [.. cv.Skills];
    }

    public List<RoleEdit> Roles { get; }
    public List<EducationEdit> Education { get; }
    public List<string> Skills { get; }

    public bool IsValid => Roles.All(r => r.IsValid);

    /// <returns>A message when the skill is not added, otherwise null.</returns>
    public string? AddSkill(string? skill)
    {
        var name = skill?.Trim();
        if (string.IsNullOrEmpty(name))
            return "Type the skill to add.";
        if (Skills.Contains(name, StringComparer.OrdinalIgnoreCase))
            return $"{name} is already listed.";
        Skills.Add(name);
        return null;
    }

    public bool RemoveSkill(string skill) => Skills.Remove(skill);

    /// <exception cref="InvalidOperationException">A date is still invalid; check <see cref="IsValid"/> first.</exception>
    public CvDocument ToCv(YearMonth today)
    {
        if (!IsValid)
            throw new InvalidOperationException("The CV has invalid dates.");
        var roles = Roles.Select(r => r.ToRole()).ToList();
        return _original with
        {
            Experience = roles,
            Education = Education.Select(e => e.ToEntry()).ToList(),
            Skills = [.. Skills],
            TotalYearsExperience = ExperienceCalculator.TotalYears(roles, today),
        };
    }
}

public sealed partial class RoleEdit
{
    private readonly Role _original;

    public RoleEdit(Role role)
    {
        _original = role;
        Title = role.Title;
        Organization = role.Organization;
        IsCurrent = role.IsCurrent;
        StartText = role.Start?.ToString() ?? "";
        EndText = role.End?.ToString() ?? "";
    }

    public string? Title { get; set; }
    public string? Organization { get; set; }
    public IReadOnlyList<string> Bullets => _original.Bullets;
    public string StartText { get; private set; }
    public string EndText { get; private set; }
    public bool IsCurrent { get; private set; }
    public string? StartError { get; private set; }
    public string? EndError { get; private set; }
    public bool IsValid => StartError is null && EndError is null;

    public void SetStart(string? text)
    {
        StartText = text?.Trim() ?? "";
        Validate();
    }

    public void SetEnd(string? text)
    {
        EndText = text?.Trim() ?? "";
        Validate();
    }

    /// <summary>A current role runs until today, so it has no end date.</summary>
    public void SetCurrent(bool current)
    {
        IsCurrent = current;
        if (current)
            EndText = "";
        Validate();
    }

    public Role ToRole() => _original with
    {
        Title = Blank(Title),
        Organization = Blank(Organization),
        Start = ParseMonth(StartText, out _),
        End = IsCurrent ? null : ParseMonth(EndText, out _),
        IsCurrent = IsCurrent,
    };

    private void Validate()
    {
        var start = ParseMonth(StartText, out var startError);
        string? endError = null;
        var end = IsCurrent ? null : ParseMonth(EndText, out endError);
        StartError = startError is null ? null : $"Start: {startError}";
        EndError = IsCurrent || endError is null ? null : $"End: {endError}";
        if (EndError is null && start is { } s && end is { } e && e < s)
            EndError = $"The end ({e}) is before the start ({s}).";
    }

    /// <summary>Reads "2021-03"; an empty field means the date is unknown.</summary>
    internal static YearMonth? ParseMonth(string text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var match = MonthPattern().Match(text.Trim());
        if (!match.Success)
        {
            error = $"\"{text}\" is not a month. Write the year and month, for example 2021-03.";
            return null;
        }
        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            error = $"{month} is not a month; use 01 to 12, for example 2021-03.";
            return null;
        }
        if (year < 1940)
        {
            error = $"{year} is too early for a working life. Check the year.";
            return null;
        }
        return new YearMonth(year, month);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})$")]
    private static partial Regex MonthPattern();
}

public sealed class EducationEdit(EducationEntry entry)
{
    public string? Degree => entry.Degree;
    public string? Field => entry.Field;
    public string? Institution => entry.Institution;
    public int? EndYear => entry.EndYear;
    public DegreeLevel? Level { get; set; } = entry.Level;

    public EducationEntry ToEntry() => entry with { Level = Level };
}

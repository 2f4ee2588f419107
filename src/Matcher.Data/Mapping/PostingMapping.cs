using System.Text.Json;
using Matcher.Core.Postings;
using Matcher.Core.Serialization;
using Matcher.Data.Entities;

namespace Matcher.Data.Mapping;

/// <summary>
/// Positions and requirements get rows of their own so users can edit them; the rest of a posting is
/// kept as JSON facts because nothing queries it.
/// </summary>
public static class PostingMapping
{
    private sealed record PostingFacts(
        string? EmploymentType, DateOnly? DatePosted, DateOnly? ValidThrough, Salary? Salary,
        IReadOnlyDictionary<string, string>? Details, string? AboutCompany, IReadOnlyList<string>? Warnings,
        IReadOnlyList<NotScoredLine>? NotScored = null);

    /// <summary>
    /// Names a stored posting. With a single position the position takes the name too, since the two are shown
    /// as one, and the reader's warning about a missing title is dropped.
    /// </summary>
    public static void Rename(PostingEntity entity, string title)
    {
        entity.Title = title;
        if (entity.Positions is [var only])
            only.Title = title;
        var facts = JsonSerializer.Deserialize<PostingFacts>(entity.FactsJson, MatcherJson.Options);
        if (facts?.Warnings is { } warnings && warnings.Any(IsNoTitleWarning))
            entity.FactsJson = JsonSerializer.Serialize(facts with { Warnings = warnings.Where(w => !IsNoTitleWarning(w)).ToList() }, MatcherJson.Options);
    }

    /// <summary>
    /// Takes a line out of the posting's not-scored lines, when someone decides it should be scored after all.
    /// Returns the line, or null when the posting no longer holds it.
    /// </summary>
    public static NotScoredLine? TakeNotScored(PostingEntity entity, string text)
    {
        var facts = JsonSerializer.Deserialize<PostingFacts>(entity.FactsJson, MatcherJson.Options);
        var line = facts?.NotScored?.FirstOrDefault(l => l.Text == text);
        if (facts is null || line is null)
            return null;
        entity.FactsJson = JsonSerializer.Serialize(facts with { NotScored = facts.NotScored!.Where(l => l.Text != text).ToList() }, MatcherJson.Options);
        return line;
    }

    private static bool IsNoTitleWarning(string warning) => warning.StartsWith(PostingReader.NoTitleWarning, StringComparison.Ordinal);

    public static PostingEntity ToEntity(Posting posting, string ownerId, string sourceText, string? sourceName, DateTimeOffset now)
    {
        var facts = new PostingFacts(posting.EmploymentType, posting.DatePosted, posting.ValidThrough, posting.Salary,
            posting.Details, posting.AboutCompany, posting.Warnings, posting.NotScored);
        return new PostingEntity
        {
            Id = Guid.NewGuid(),
            OwnerId = ownerId,
            Title = posting.Title ?? posting.Positions.FirstOrDefault()?.Title ?? sourceName ?? "Untitled posting",
            Company = posting.Company,
            Location = posting.Location,
            SourceName = sourceName,
            SourceText = sourceText,
            FactsJson = JsonSerializer.Serialize(facts, MatcherJson.Options),
            CreatedAt = now,
            UpdatedAt = now,
            Positions = posting.Positions.Select((p, i) => new PositionEntity
            {
                Id = Guid.NewGuid(),
                Index = i,
                Title = p.Title,
                Summary = p.Summary,
                ResponsibilitiesJson = JsonSerializer.Serialize(p.Responsibilities, MatcherJson.Options),
                DetailsJson = JsonSerializer.Serialize(p.Details, MatcherJson.Options),
                Requirements = p.Requirements.Select((r, j) => new RequirementEntity
                {
                    Id = Guid.NewGuid(),
                    Order = j,
                    Key = r.Id,
                    Text = r.Text,
                    Kind = r.Kind.ToString(),
                    Category = r.Category.ToString(),
                    MinYears = r.MinYears,
                    Degree = r.Degree?.ToString(),
                    EquivalentExperienceAccepted = r.EquivalentExperienceAccepted,
                    Weight = r.Weight,
                }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Rebuilds the posting from its rows; positions and requirements must be loaded.</summary>
    public static Posting ToPosting(PostingEntity entity)
    {
        var facts = JsonSerializer.Deserialize<PostingFacts>(entity.FactsJson, MatcherJson.Options)
            ?? throw new InvalidDataException($"Posting {entity.Id} has unreadable facts.");
        return new Posting
        {
            Title = entity.Title,
            Company = entity.Company,
            Location = entity.Location,
            EmploymentType = facts.EmploymentType,
            DatePosted = facts.DatePosted,
            ValidThrough = facts.ValidThrough,
            Salary = facts.Salary,
            Details = facts.Details ?? new Dictionary<string, string>(),
            AboutCompany = facts.AboutCompany,
            Warnings = facts.Warnings ?? [],
            // Postings stored before not-scored lines were kept have none.
            NotScored = facts.NotScored ?? [],
            Positions = entity.Positions.OrderBy(p => p.Index).Select(p => new Position
            {
                Title = p.Title,
                Summary = p.Summary,
                Responsibilities = JsonSerializer.Deserialize<List<string>>(p.ResponsibilitiesJson, MatcherJson.Options) ?? [],
                Details = JsonSerializer.Deserialize<Dictionary<string, string>>(p.DetailsJson, MatcherJson.Options) ?? [],
                Requirements = p.Requirements.OrderBy(r => r.Order).Select(r => new Requirement
                {
                    Id = r.Key,
                    Text = r.Text,
                    Kind = Enum.Parse<RequirementKind>(r.Kind),
                    Category = Enum.Parse<RequirementCategory>(r.Category),
                    MinYears = r.MinYears,
                    Degree = r.Degree is null ? null : Enum.Parse<DegreeLevel>(r.Degree),
                    EquivalentExperienceAccepted = r.EquivalentExperienceAccepted,
                    Weight = r.Weight,
                }).ToList(),
            }).ToList(),
        };
    }
}

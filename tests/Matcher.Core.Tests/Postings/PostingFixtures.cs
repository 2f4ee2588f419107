using Matcher.Core.Postings;

namespace Matcher.Core.Tests.Postings;

internal static class PostingFixtures
{
    public const string Seed000 = "seeds/000_789a9349806b194a.txt";
    public const string Seed001 = "seeds/001_0ca12d176819fc95.txt";
    public const string Seed002 = "seeds/002_ce18c9108d1177f1.txt";
    public const string Seed003 = "seeds/003_7e7ab98c923b615e.txt";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "postings", name);

    public static Posting Read(string name) => new PostingReader().Read(File.ReadAllBytes(PathOf(name)), Path.GetFileName(name));

    /// <summary>Every piece of text a posting exposes, for checks that must hold everywhere.</summary>
    public static IEnumerable<string> AllText(Posting posting) =>
        new[] { posting.Title, posting.Company, posting.Location, posting.AboutCompany }
            .Concat(posting.Details.Values)
            .Concat(posting.Positions.SelectMany(p =>
                new[] { p.Title, p.Summary }.Concat(p.Responsibilities).Concat(p.Requirements.Select(r => r.Text)).Concat(p.Details.Values)))
            .Where(t => t is not null)!;

    public static IEnumerable<string> MatchableText(Position position) =>
        position.Responsibilities.Concat(position.Requirements.Select(r => r.Text));
}

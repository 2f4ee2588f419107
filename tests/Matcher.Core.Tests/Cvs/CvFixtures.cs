using Matcher.Core.Cvs;
using Matcher.Core.Documents;
using Microsoft.Extensions.Time.Testing;

namespace Matcher.Core.Tests.Cvs;

/// <summary>Access to the CV fixtures and a reader whose "today" is fixed, so years of experience are stable.</summary>
internal static class CvFixtures
{
    public static readonly DateTimeOffset Today = new(2025, 3, 15, 0, 0, 0, TimeSpan.Zero);

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "cvs", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static CvReader Reader() => new(new DocumentReader(), new FakeTimeProvider(Today));

    public static CvDocument Read(string name) => Reader().Read(Bytes(name), name);
}

using Matcher.Core.Cvs;
using Matcher.Core.Matching;

namespace Matcher.Core.Tests.Matching;

/// <summary>What of a CV is compared with the requirements, and what a very long CV gives up.</summary>
public sealed class EvidenceExtractorTests
{
    private static CvDocument AcademicCv(int publications) => new()
    {
        Text = "cv",
        Summary = "Research scientist in battery chemistry.",
        Experience =
        [
            new Role { Title = "Research Scientist", Organization = "Volta Labs", Bullets = ["Led a team of four on solid-state cells.", "Ran the electrochemistry lab."] },
            new Role { Title = "Postdoctoral Fellow", Organization = "North University", Bullets = ["Built a cell-cycling rig."] },
        ],
        Education = [new EducationEntry { Degree = "PhD Chemistry", Institution = "North University" }],
        Skills = ["electrochemistry", "Python"],
        Publications = Enumerable.Range(1, publications).Select(i => $"Paper number {i} on electrolytes (2019)").ToList(),
        Certifications = ["Laboratory safety certificate"],
    };

    [Fact]
    public void A_cv_within_the_limit_keeps_every_line()
    {
        var cv = AcademicCv(publications: 20);

        Assert.Equal(EvidenceExtractor.Extract(cv), EvidenceExtractor.Extract(cv, new MatchingOptions().MaxCvLines));
        Assert.Equal(30, EvidenceExtractor.Extract(cv).Count);
    }

    [Fact]
    public void Past_the_limit_long_lists_give_way_and_roles_skills_and_credentials_stay_in_order()
    {
        var cv = AcademicCv(publications: 600);

        var kept = EvidenceExtractor.Extract(cv, maxLines: 40);

        Assert.Equal(40, kept.Count);
        var all = EvidenceExtractor.Extract(cv);
        var notLists = all.Where(u => u.Section != "Publications").ToList();
        Assert.Equal(10, notLists.Count);
        Assert.All(notLists, u => Assert.Contains(u, kept));
        // The rest of the room goes to the first publications, and the CV's order is kept.
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"Paper number {i} on electrolytes (2019)"),
            kept.Where(u => u.Section == "Publications").Select(u => u.Text));
        Assert.Equal(all.Where(kept.Contains), kept);
        Assert.Equal("Laboratory safety certificate", kept[^1].Text);
    }
}

using AngleSharp.Dom;
using Bunit;
using Matcher.Core.Cvs;
using Matcher.Core.Postings;
using Matcher.Web.Components.Cvs;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Components;

public class CvEditorTests : MudTestContext
{
    private static readonly CvDocument Cv = new()
    {
        Text = "Jane Doe …",
        Contact = new ContactDetails { Name = "Jane Doe", Email = "jane@example.com" },
        Summary = "Backend developer.",
        Experience =
        [
            new Role { Title = "Developer", Organization = "Acme", Start = new(2020, 1), End = new(2022, 1), Bullets = ["Built the billing service in Go."] },
        ],
        Education = [new EducationEntry { Degree = "BSc Computer Science", Level = DegreeLevel.Bachelor, Institution = "University of Leeds", EndYear = 2019 }],
        Skills = ["Go", "SQL"],
        Languages = ["English (native)"],
        Certifications = ["AWS Certified Developer"],
        Warnings = ["No projects section was found."],
        TotalYearsExperience = 2.0,
    };

    private CvDocument? _changed;
    private bool? _valid;

    public CvEditorTests() => Services.AddSingleton<TimeProvider>(TestTime.Clock());

    private IRenderedComponent<CvEditor> RenderEditor() => Render<CvEditor>(p => p
        .Add(x => x.Cv, Cv)
        .Add(x => x.CvChanged, (CvDocument cv) => _changed = cv)
        .Add(x => x.ValidChanged, (bool valid) => _valid = valid));

    private static IElement Input(IRenderedComponent<CvEditor> cut, string label)
    {
        var id = cut.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return cut.Find($"#{id}");
    }

    [Fact]
    public void Shows_every_section_read_from_the_cv()
    {
        var cut = RenderEditor();

        Assert.Equal("Jane Doe", cut.Find("[data-testid=cv-name]").TextContent);
        Assert.Equal("Developer", Input(cut, "Role 1: title").GetAttribute("value"));
        Assert.Equal("Acme", Input(cut, "Role 1: organization").GetAttribute("value"));
        Assert.Equal("2020-01", Input(cut, "Role 1: start").GetAttribute("value"));
        Assert.Equal("2022-01", Input(cut, "Role 1: end").GetAttribute("value"));
        var text = cut.Find("[data-testid=cv-editor]").TextContent;
        foreach (var expected in new[] { "jane@example.com", "Backend developer.", "Built the billing service in Go.", "BSc Computer Science, University of Leeds, 2019",
                     "English (native)", "AWS Certified Developer", "No projects section was found.", "Go", "SQL" })
            Assert.Contains(expected, text);
        Assert.Contains("2 years", cut.Find("[data-testid=total-years]").TextContent);
    }

    [Fact]
    public void Editing_a_start_date_updates_the_cv_and_its_total_years()
    {
        var cut = RenderEditor();

        Input(cut, "Role 1: start").Change("2018-01");

        Assert.NotNull(_changed);
        Assert.Equal(new YearMonth(2018, 1), _changed.Experience[0].Start);
        Assert.Equal(4.0, _changed.TotalYearsExperience);
        Assert.Contains("4 years", cut.Find("[data-testid=total-years]").TextContent);
        Assert.Equal("Built the billing service in Go.", Assert.Single(_changed.Experience[0].Bullets));
    }

    [Fact]
    public void Marking_a_role_current_clears_its_end_and_counts_until_this_month()
    {
        var cut = RenderEditor();

        cut.Find("[data-testid=role-1] input[type=checkbox]").Change(true);

        Assert.NotNull(_changed);
        Assert.True(_changed.Experience[0].IsCurrent);
        Assert.Null(_changed.Experience[0].End);
        Assert.Equal(6.8, _changed.TotalYearsExperience);
    }

    [Theory]
    [InlineData("Role 1: start", "March 2021", "is not a month")]
    [InlineData("Role 1: start", "2021-13", "13 is not a month")]
    [InlineData("Role 1: end", "2019-06", "The end (2019-06) is before the start (2020-01)")]
    public void An_invalid_date_shows_a_message_and_is_not_passed_on(string label, string value, string message)
    {
        var cut = RenderEditor();

        Input(cut, label).Change(value);

        Assert.Contains(message, cut.Find("[data-testid=role-1]").TextContent);
        Assert.Null(_changed);
        Assert.False(_valid);
    }

    [Fact]
    public void Fixing_an_invalid_date_makes_the_edits_valid_again()
    {
        var cut = RenderEditor();
        Input(cut, "Role 1: start").Change("2021/03");

        Input(cut, "Role 1: start").Change("2021-03");

        Assert.True(_valid);
        Assert.Equal(new YearMonth(2021, 3), _changed!.Experience[0].Start);
        Assert.DoesNotContain("is not a month", cut.Markup);
    }

    [Fact]
    public void A_skill_can_be_added_and_removed()
    {
        var cut = RenderEditor();

        Input(cut, "New skill").Input("Kubernetes");
        cut.Find("form").Submit();
        Assert.Equal(["Go", "SQL", "Kubernetes"], _changed!.Skills);

        cut.FindAll("[data-testid=cv-skills] .mud-chip").Single(c => c.TextContent.Contains("Go")).QuerySelector("button")!.Click();
        Assert.Equal(["SQL", "Kubernetes"], _changed.Skills);
        Assert.DoesNotContain("Go", cut.Find("[data-testid=cv-skills]").TextContent);
    }

    [Fact]
    public void Adding_a_skill_that_is_listed_already_says_so()
    {
        var cut = RenderEditor();

        Input(cut, "New skill").Input("sql");
        cut.Find("form").Submit();

        Assert.Contains("sql is already listed", cut.Markup);
        Assert.Null(_changed);
    }
}

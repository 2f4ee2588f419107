using Bunit;
using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Matcher.Web.Components.Postings;
using MudBlazor;

namespace Matcher.Web.Tests.Components;

public class RequirementEditorTests : MudTestContext
{
    private static readonly IReadOnlyList<Requirement> Requirements =
    [
        new() { Id = "r1", Text = "Degree in computer science", Category = RequirementCategory.Education, Degree = DegreeLevel.Bachelor },
        new() { Id = "r2", Text = "Experience with Python", Category = RequirementCategory.Skill },
        new() { Id = "r3", Text = "Published research", Kind = RequirementKind.Preferred, Category = RequirementCategory.Experience },
    ];

    private readonly List<IReadOnlyList<Requirement>> _saves = [];

    private IRenderedComponent<RequirementEditor> RenderEditor(Func<IReadOnlyList<Requirement>, Task<IReadOnlyList<Requirement>>>? save = null)
    {
        Render<MudPopoverProvider>();
        return Render<RequirementEditor>(p => p
            .Add(x => x.Requirements, Requirements)
            .Add(x => x.PositionTitle, "ML Engineer")
            .Add(x => x.Save, save ?? (list => { _saves.Add(list); return Task.FromResult(list); })));
    }

    private static void Click(IRenderedComponent<RequirementEditor> cut, string ariaLabel) => cut.Find($"button[aria-label='{ariaLabel}']").Click();

    private static void Type(IRenderedComponent<RequirementEditor> cut, string text) => cut.Find("tr[data-testid=requirement-edit-row] textarea").Input(text);

    private static void Choose<T>(IRenderedComponent<RequirementEditor> cut, T value) =>
        cut.InvokeAsync(() => cut.FindComponent<MudSelect<T>>().Instance.ValueChanged.InvokeAsync(value));

    private static void SetWeight(IRenderedComponent<RequirementEditor> cut, double weight) =>
        cut.InvokeAsync(() => cut.FindComponent<MudNumericField<double>>().Instance.ValueChanged.InvokeAsync(weight));

    private static IReadOnlyList<string> RowTexts(IRenderedComponent<RequirementEditor> cut) =>
        cut.FindAll("[data-testid=posting-requirement]").Select(e => e.TextContent).ToList();

    [Fact]
    public void Shows_each_requirement_with_its_kind_and_category_in_words()
    {
        var cut = RenderEditor();

        var rows = cut.FindAll("tr[data-testid=requirement-row]");
        Assert.Equal(3, rows.Count);
        Assert.Contains("Required", rows[0].TextContent);
        Assert.Contains("Education", rows[0].TextContent);
        Assert.Contains("Preferred", rows[2].TextContent);
        Assert.Contains("Experience", rows[2].TextContent);
    }

    [Fact]
    public void A_read_only_editor_shows_the_requirements_without_any_way_to_change_them()
    {
        Render<MudPopoverProvider>();
        var cut = Render<RequirementEditor>(p => p
            .Add(x => x.Requirements, Requirements)
            .Add(x => x.ReadOnly, true)
            .Add(x => x.Save, list => { _saves.Add(list); return Task.FromResult(list); }));

        Assert.Equal(["Degree in computer science", "Experience with Python", "Published research"], RowTexts(cut));
        Assert.Empty(cut.FindAll("button"));
        Assert.DoesNotContain("Actions", cut.Find("thead").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=save-requirements]"));
    }

    [Fact]
    public void An_edited_requirement_is_saved_with_its_new_text_kind_category_and_weight()
    {
        var cut = RenderEditor();

        Click(cut, "Edit requirement 2");
        Type(cut, "Five years of Python");
        Choose(cut, RequirementKind.Preferred);
        Choose(cut, RequirementCategory.Experience);
        SetWeight(cut, 2.5);
        cut.Find("[data-testid=requirement-done]").Click();
        cut.Find("[data-testid=save-requirements]").Click();

        var saved = Assert.Single(_saves);
        Assert.Equal(["r1", "r2", "r3"], saved.Select(r => r.Id));
        Assert.Equal(new Requirement { Id = "r2", Text = "Five years of Python", Kind = RequirementKind.Preferred, Category = RequirementCategory.Experience, Weight = 2.5 }, saved[1]);
        Assert.Equal(Requirements[0], saved[0]);
        Assert.Equal(["Degree in computer science", "Five years of Python", "Published research"], RowTexts(cut));
        Assert.Contains("Saved", cut.Find("[data-testid=requirements-saved]").TextContent);
    }

    [Fact]
    public void An_added_requirement_is_saved_without_a_key_and_shown_with_the_key_it_was_given()
    {
        var cut = RenderEditor(list =>
        {
            _saves.Add(list);
            return Task.FromResult<IReadOnlyList<Requirement>>(list.Select(r => r.Id == "" ? r with { Id = "r4" } : r).ToList());
        });

        cut.FindAll("button").Single(b => b.TextContent.Contains("Add requirement", StringComparison.Ordinal)).Click();
        Type(cut, "Fluent Japanese");
        Choose(cut, RequirementCategory.Language);
        cut.Find("[data-testid=requirement-done]").Click();
        cut.Find("[data-testid=save-requirements]").Click();

        var added = Assert.Single(_saves)[^1];
        Assert.Equal(("", "Fluent Japanese", RequirementCategory.Language, RequirementKind.Required), (added.Id, added.Text, added.Category, added.Kind));
        Assert.Equal(4, cut.FindAll("tr[data-testid=requirement-row]").Count);
    }

    [Fact]
    public void A_deleted_requirement_is_left_out_of_what_is_saved()
    {
        var cut = RenderEditor();

        Click(cut, "Delete requirement 1");
        Assert.Contains("Unsaved changes", cut.Markup);
        cut.Find("[data-testid=save-requirements]").Click();

        Assert.Equal(["r2", "r3"], Assert.Single(_saves).Select(r => r.Id));
        Assert.Equal(["Experience with Python", "Published research"], RowTexts(cut));
    }

    [Fact]
    public void Empty_text_is_refused_with_a_message_and_nothing_is_saved()
    {
        var cut = RenderEditor();

        Click(cut, "Edit requirement 1");
        Type(cut, "   ");
        cut.Find("[data-testid=requirement-done]").Click();

        Assert.Contains("Enter the requirement's text", cut.Find("[data-testid=requirement-error]").TextContent);
        Assert.NotNull(cut.Find("tr[data-testid=requirement-edit-row]"));
        Assert.True(cut.Find("[data-testid=save-requirements]").HasAttribute("disabled"));
        Assert.Empty(_saves);
    }

    [Fact]
    public void Cancelling_an_edit_keeps_the_requirement_as_it_was()
    {
        var cut = RenderEditor();

        Click(cut, "Edit requirement 3");
        Type(cut, "Something else");
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        // The table re-renders its rows after the edit row closes; wait for that render, not a fixed moment.
        cut.WaitForAssertion(() => Assert.Equal(Requirements.Select(r => r.Text), RowTexts(cut)));
        Assert.True(cut.Find("[data-testid=save-requirements]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_refused_save_shows_the_reason_and_keeps_the_edits()
    {
        var cut = RenderEditor(_ => throw new InputException("That posting no longer exists. Reload the postings list."));

        Click(cut, "Delete requirement 2");
        cut.Find("[data-testid=save-requirements]").Click();

        Assert.Contains("no longer exists", cut.Find("[data-testid=requirements-error]").TextContent);
        Assert.Equal(["Degree in computer science", "Published research"], RowTexts(cut));
        Assert.Contains("Unsaved changes", cut.Markup);
    }
}

using Bunit;
using Matcher.Core.Documents;
using Matcher.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Matcher.Web.Tests.Components;

/// <summary>A heading its owner renames in place: Enter saves, Escape cancels, a refusal is shown in the field.</summary>
public class EditableTitleTests : MudTestContext
{
    private readonly List<string?> _saved = [];

    private IRenderedComponent<EditableTitle> RenderTitle(bool canEdit = true, Func<string?, Task>? save = null)
    {
        Render<MudPopoverProvider>();
        return Render<EditableTitle>(p => p
            .Add(t => t.Title, "Untitled position")
            .Add(t => t.What, "posting")
            .Add(t => t.CanEdit, canEdit)
            .Add(t => t.Save, save ?? (name => { _saved.Add(name); return Task.CompletedTask; })));
    }

    private static void Type(IRenderedComponent<EditableTitle> cut, string text) => cut.Find("[data-testid=rename-form] input").Input(text);

    [Fact]
    public void The_owner_opens_the_field_types_a_name_and_submitting_saves_it()
    {
        var cut = RenderTitle();
        Assert.Equal("Untitled position", cut.Find("h1").TextContent);

        cut.Find("button[aria-label='Rename posting']").Click();
        Assert.Equal("Untitled position", cut.Find("[data-testid=rename-form] input").GetAttribute("value"));
        Type(cut, "Machine Learning Engineer");
        cut.Find("[data-testid=rename-form]").Submit();

        Assert.Equal(["Machine Learning Engineer"], _saved);
        Assert.Empty(cut.FindAll("[data-testid=rename-form]"));
    }

    [Fact]
    public void A_refused_name_keeps_the_field_open_with_the_reason()
    {
        var cut = RenderTitle(save: _ => throw new InputException("Give the posting a name, for example its job title."));

        cut.Find("button[aria-label='Rename posting']").Click();
        Type(cut, "");
        cut.Find("[data-testid=rename-form]").Submit();

        Assert.Contains("Give the posting a name", cut.Find("[data-testid=rename-form]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Untitled position", cut.Find("h1").TextContent);
    }

    [Fact]
    public void A_failure_on_the_server_keeps_the_field_open_with_a_plain_sentence_not_its_internals()
    {
        var cut = RenderTitle(save: _ => throw new InvalidOperationException("database is locked at row 42"));

        cut.Find("button[aria-label='Rename posting']").Click();
        Type(cut, "Machine Learning Engineer");
        cut.Find("[data-testid=rename-form]").Submit();

        var form = cut.Find("[data-testid=rename-form]").TextContent;
        Assert.Contains("could not be saved on the server; the old name stays", form, StringComparison.Ordinal);
        Assert.DoesNotContain("row 42", form, StringComparison.Ordinal);
        Assert.Equal("Untitled position", cut.Find("h1").TextContent);
    }

    [Fact]
    public void Escape_closes_the_field_without_saving()
    {
        var cut = RenderTitle();

        cut.Find("button[aria-label='Rename posting']").Click();
        Type(cut, "Half typed");
        cut.Find("[data-testid=rename-form] input").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });

        Assert.Empty(cut.FindAll("[data-testid=rename-form]"));
        Assert.Empty(_saved);
    }

    [Fact]
    public void Someone_who_may_not_rename_sees_only_the_heading()
    {
        var cut = RenderTitle(canEdit: false);

        Assert.Equal("Untitled position", cut.Find("h1").TextContent);
        Assert.Empty(cut.FindAll("button"));
    }
}

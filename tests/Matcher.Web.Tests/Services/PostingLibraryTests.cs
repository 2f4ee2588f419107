using Matcher.Core.Documents;
using Matcher.Core.Postings;
using Matcher.Data.Entities;
using Matcher.Data.Mapping;
using Matcher.Web.Services.Matching;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Tests.Services;

public sealed class PostingLibraryTests : IAsyncLifetime
{
    private LibraryHost _host = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await LibraryHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private Task<Guid> ImportSeedAsync(string name) =>
        _host.Library.ImportFileAsync(new UploadedFile(name, Fixtures.Bytes("postings", "seeds", name)), Ct);

    /// <summary>The posting as matching sees it: loaded from its rows in a fresh context.</summary>
    private async Task<Posting> LoadForMatchingAsync(Guid id)
    {
        await using var db = await _host.OpenDbAsync();
        var entity = await db.Postings.Include(p => p.Positions).ThenInclude(p => p.Requirements).SingleAsync(p => p.Id == id, Ct);
        return PostingMapping.ToPosting(entity);
    }

    [Fact]
    public async Task Importing_the_same_posting_again_opens_the_one_in_the_library_instead_of_a_copy()
    {
        var first = await ImportSeedAsync("003_7e7ab98c923b615e.txt");

        var again = await ImportSeedAsync("003_7e7ab98c923b615e.txt");

        Assert.Equal(first, again);
        await using var db = await _host.OpenDbAsync();
        Assert.Equal(1, await db.Postings.CountAsync(Ct));
    }

    [Fact]
    public async Task Edited_added_and_deleted_requirements_persist_and_matching_reads_them()
    {
        var id = await ImportSeedAsync("003_7e7ab98c923b615e.txt");
        var original = (await _host.Library.GetAsync(id, Ct))!.Posting.Positions[0].Requirements;
        Assert.Equal(Enumerable.Range(1, original.Count).Select(n => $"r{n}"), original.Select(r => r.Id));

        var edited = original
            .Where(r => r.Id != "r3")
            .Select(r => r.Id == "r2"
                ? r with { Text = "Five years of Scala in production", Kind = RequirementKind.Preferred, Category = RequirementCategory.Experience, Weight = 2.5 }
                : r)
            .Append(new Requirement { Id = "", Text = "  Fluent English  ", Category = RequirementCategory.Language, Weight = 0.5 })
            .ToList();
        var saved = await _host.Library.UpdatePositionAsync(id, 0, edited, Ct);

        var reloaded = (await LoadForMatchingAsync(id)).Positions[0].Requirements;
        Assert.Equal(saved, reloaded);
        Assert.Equal(original.Count, reloaded.Count);
        var r2 = Assert.Single(reloaded, r => r.Id == "r2");
        Assert.Equal(("Five years of Scala in production", RequirementKind.Preferred, RequirementCategory.Experience, 2.5), (r2.Text, r2.Kind, r2.Category, r2.Weight));
        Assert.DoesNotContain(reloaded, r => r.Id == "r3");
        var added = reloaded[^1];
        Assert.Equal($"r{original.Count + 1}", added.Id);
        Assert.Equal("Fluent English", added.Text);
        Assert.Equal(RequirementCategory.Language, added.Category);
        // Untouched requirements keep key, text and the facts the reader found.
        Assert.Equal(original.Where(r => r.Id is not ("r2" or "r3")), reloaded.Where(r => r.Id is not "r2").SkipLast(1));
    }

    [Fact]
    public async Task Empty_requirement_text_is_refused_and_nothing_changes()
    {
        var id = await ImportSeedAsync("003_7e7ab98c923b615e.txt");
        var original = (await _host.Library.GetAsync(id, Ct))!.Posting.Positions[0].Requirements;

        var edited = original.Select((r, i) => i == 1 ? r with { Text = "   " } : r).ToList();
        var error = await Assert.ThrowsAsync<InputException>(() => _host.Library.UpdatePositionAsync(id, 0, edited, Ct));

        Assert.Contains("Requirement 2", error.Message);
        Assert.Contains("text", error.Message);
        Assert.Equal(original, (await LoadForMatchingAsync(id)).Positions[0].Requirements);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(5.5)]
    [InlineData(double.NaN)]
    public async Task A_weight_outside_zero_to_five_is_refused(double weight)
    {
        var id = await ImportSeedAsync("003_7e7ab98c923b615e.txt");
        var original = (await _host.Library.GetAsync(id, Ct))!.Posting.Positions[0].Requirements;

        var edited = original.Select((r, i) => i == 0 ? r with { Weight = weight } : r).ToList();
        var error = await Assert.ThrowsAsync<InputException>(() => _host.Library.UpdatePositionAsync(id, 0, edited, Ct));

        Assert.Contains("between 0 and 5", error.Message);
        Assert.Equal(original, (await LoadForMatchingAsync(id)).Positions[0].Requirements);
    }

    [Fact]
    public async Task Editing_one_position_of_the_brochure_leaves_the_other_positions_alone()
    {
        var id = await ImportSeedAsync("001_0ca12d176819fc95.txt");
        var before = (await _host.Library.GetAsync(id, Ct))!.Posting;
        Assert.Equal(11, before.Positions.Count);

        await _host.Library.UpdatePositionAsync(id, 3, [new Requirement { Id = "", Text = "Experience with C++", Category = RequirementCategory.Skill }], Ct);

        var after = await LoadForMatchingAsync(id);
        Assert.Equal("Experience with C++", Assert.Single(after.Positions[3].Requirements).Text);
        for (var i = 0; i < before.Positions.Count; i++)
            if (i != 3)
                Assert.Equal(before.Positions[i].Requirements, after.Positions[i].Requirements);
    }

    [Theory]
    [InlineData("empty.txt")]
    [InlineData("not-a-posting.txt")]
    [InlineData("binary.bin")]
    public async Task A_file_that_cannot_be_read_as_a_posting_saves_nothing(string name)
    {
        var file = new UploadedFile(name, Fixtures.Bytes("postings", "bad", name));

        await Assert.ThrowsAsync<InputException>(() => _host.Library.ImportFileAsync(file, Ct));

        await using var db = await _host.OpenDbAsync();
        Assert.Equal(0, await db.Postings.CountAsync(Ct));
    }

    [Fact]
    public async Task An_untitled_posting_renamed_by_its_owner_keeps_the_name_for_matching_and_loses_the_title_warning()
    {
        var id = await ImportSeedAsync("003_7e7ab98c923b615e.txt");
        var before = (await _host.Library.GetAsync(id, Ct))!.Posting;
        Assert.Equal("Untitled position", Assert.Single(before.Positions).Title);
        Assert.Contains(before.Warnings, w => w.StartsWith(PostingReader.NoTitleWarning, StringComparison.Ordinal));

        Assert.Equal("Machine Learning Engineer, Prime Video", await _host.Library.RenameAsync(id, "  Machine Learning Engineer,\n Prime Video ", Ct));

        var after = await LoadForMatchingAsync(id);
        Assert.Equal("Machine Learning Engineer, Prime Video", after.Title);
        Assert.Equal("Machine Learning Engineer, Prime Video", Assert.Single(after.Positions).Title);
        Assert.DoesNotContain(after.Warnings, w => w.StartsWith(PostingReader.NoTitleWarning, StringComparison.Ordinal));
        Assert.Equal(before.Positions[0].Requirements, after.Positions[0].Requirements);
    }

    [Fact]
    public async Task A_rename_that_is_empty_too_long_or_not_the_owners_is_refused_and_the_name_stays()
    {
        var id = await ImportSeedAsync("003_7e7ab98c923b615e.txt");

        Assert.Contains("Give the posting a name", (await Assert.ThrowsAsync<InputException>(() => _host.Library.RenameAsync(id, "   ", Ct))).Message);
        Assert.Contains("keep it to 200", (await Assert.ThrowsAsync<InputException>(() => _host.Library.RenameAsync(id, new string('x', 201), Ct))).Message);
        _host.User.Id = "bob";
        await Assert.ThrowsAsync<NotFoundException>(() => _host.Library.RenameAsync(id, "Taken over", Ct));

        _host.User.Id = "alice";
        Assert.Equal("Untitled position", (await LoadForMatchingAsync(id)).Positions[0].Title);
    }

    [Fact]
    public async Task Pasted_text_is_imported_with_its_source_text_kept()
    {
        var text = await File.ReadAllTextAsync(Fixtures.Path("postings", "seeds", "003_7e7ab98c923b615e.txt"), Ct);

        var id = await _host.Library.ImportTextAsync(text, Ct);

        await using var db = await _host.OpenDbAsync();
        var entity = await db.Postings.SingleAsync(p => p.Id == id, Ct);
        Assert.Equal(text, entity.SourceText);
        Assert.Equal("alice", entity.OwnerId);
    }

    [Fact]
    public async Task Another_owner_can_neither_see_nor_edit_nor_delete_a_posting()
    {
        var id = await ImportSeedAsync("003_7e7ab98c923b615e.txt");
        var requirements = (await _host.Library.GetAsync(id, Ct))!.Posting.Positions[0].Requirements;

        _host.User.Id = "bob";
        Assert.Null(await _host.Library.GetAsync(id, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => _host.Library.UpdatePositionAsync(id, 0, requirements.Take(1).ToList(), Ct));
        Assert.False(await _host.Library.DeleteAsync(id, Ct));

        _host.User.Id = "alice";
        Assert.Equal(requirements, (await _host.Library.GetAsync(id, Ct))!.Posting.Positions[0].Requirements);
    }

    [Fact]
    public async Task Deleting_a_posting_removes_its_positions_and_requirements()
    {
        var id = await ImportSeedAsync("001_0ca12d176819fc95.txt");

        Assert.True(await _host.Library.DeleteAsync(id, Ct));

        Assert.Null(await _host.Library.GetAsync(id, Ct));
        await using var db = await _host.OpenDbAsync();
        Assert.Equal(0, await db.Positions.CountAsync(Ct));
        Assert.Equal(0, await db.Requirements.CountAsync(Ct));
    }

    [Fact]
    public async Task A_posting_that_a_saved_report_uses_is_kept_with_a_reason()
    {
        var id = await ImportSeedAsync("003_7e7ab98c923b615e.txt");
        await using (var db = await _host.OpenDbAsync())
        {
            var session = new MatchSessionEntity { Id = Guid.NewGuid(), OwnerId = "alice", Title = "Check" };
            var cv = new CvEntity { Id = Guid.NewGuid(), OwnerId = "alice", SessionId = session.Id, FileName = "cv.txt", Format = "PlainText", OriginalFile = [1], Sha256 = "x", Text = "cv", ParsedJson = "{}" };
            db.AddRange(session, cv, new ReportEntity { Id = Guid.NewGuid(), OwnerId = "alice", SessionId = session.Id, CvId = cv.Id, PostingId = id, PositionTitle = "p", ReportJson = "{}" });
            await db.SaveChangesAsync(Ct);
        }

        var error = await Assert.ThrowsAsync<InputException>(() => _host.Library.DeleteAsync(id, Ct));

        Assert.Contains("1 saved report", error.Message);
        Assert.NotNull(await _host.Library.GetAsync(id, Ct));
    }
}

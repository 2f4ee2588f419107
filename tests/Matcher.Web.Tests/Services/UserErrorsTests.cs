using System.Text;
using Matcher.Core.Documents;
using Matcher.Core.Embeddings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Matcher.Web.Tests.Services;

/// <summary>Each kind of failure reaches a person in one way: the same words and status on a page and over HTTP.</summary>
public sealed class UserErrorsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string ServerFailure = "It failed on the server. Try again.";

    public static TheoryData<string, int> Kinds => new()
    {
        { "input", 400 },
        { "not found", 404 },
        { "forbidden", 403 },
    };

    private static InputException Error(string kind) => kind switch
    {
        "input" => new InputException("Paste the posting's text or upload its file."),
        "not found" => new NotFoundException("That CV no longer exists. Upload it again on Check my fit."),
        "forbidden" => new ForbiddenException("Only the candidate whose session this is can share it."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_answers_an_endpoint_with_its_status_and_a_page_with_its_message_as_written(string kind, int status)
    {
        var error = Error(kind);
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await UserErrors.ToResult(error).ExecuteAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.StartsWith("text/plain", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal(error.Message, Encoding.UTF8.GetString(body.ToArray()));

        var logged = new List<Exception>();
        Assert.Equal(error.Message, await UserErrors.RunAsync(() => throw error, logged.Add, ServerFailure, closing: Ct));
        Assert.Empty(logged);
    }

    [Fact]
    public async Task A_page_hides_an_unexpected_failure_behind_its_own_sentence_and_logs_it()
    {
        var logged = new List<Exception>();
        var failure = new InvalidOperationException("SQLite Error 5: 'database is locked'.");

        var shown = await UserErrors.RunAsync(() => throw failure, logged.Add, ServerFailure, closing: Ct);

        Assert.Equal(ServerFailure, shown);
        Assert.Same(failure, Assert.Single(logged));
    }

    [Fact]
    public async Task An_embedding_failure_says_what_to_fix_where_the_page_asks_for_it_and_is_a_server_failure_elsewhere()
    {
        var failure = EmbeddingException.Unauthorized("OpenAI");
        var logged = new List<Exception>();

        Assert.Equal(failure.Message + " Nothing was saved.", await UserErrors.RunAsync(() => throw failure, logged.Add, ServerFailure, afterEmbeddingFailure: " Nothing was saved.", closing: Ct));
        Assert.Equal(ServerFailure, await UserErrors.RunAsync(() => throw failure, logged.Add, ServerFailure, closing: Ct));
        Assert.Equal(2, logged.Count);
    }

    [Fact]
    public async Task Success_leaves_the_error_slot_empty_and_a_closed_page_is_not_told_anything()
    {
        var ran = false;
        Assert.Null(await UserErrors.RunAsync(() => { ran = true; return Task.CompletedTask; }, _ => { }, ServerFailure, closing: Ct));
        Assert.True(ran);

        using var closing = new CancellationTokenSource();
        await closing.CancelAsync();
        Assert.Null(await UserErrors.RunAsync(() => Task.FromCanceled(closing.Token), _ => { }, ServerFailure, closing: closing.Token));

        // A cancellation the page did not ask for is not swallowed.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            UserErrors.RunAsync(() => Task.FromCanceled(closing.Token), _ => { }, ServerFailure, closing: Ct));
    }
}

using Matcher.Core.Documents;
using Matcher.Core.Embeddings;

namespace Matcher.Web;

/// <summary>
/// The one place that decides what a person sees when something they asked for fails. An
/// <see cref="InputException"/> carries words written for them, so they are shown as they are (and its kind
/// picks the HTTP status); any other failure is logged and replaced by a plain sentence, because its own text
/// is for developers and may carry internals.
/// </summary>
public static class UserErrors
{
    /// <summary>400 for bad input, 404 for something gone or not theirs, 403 for something their role may not do.</summary>
    public static int StatusCode(InputException error) => error switch
    {
        NotFoundException => StatusCodes.Status404NotFound,
        ForbiddenException => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The answer an HTTP endpoint gives: the status of the error's kind, and its message as plain text.</summary>
    public static IResult ToResult(InputException error) =>
        Results.Text(error.Message, "text/plain; charset=utf-8", statusCode: StatusCode(error));

    /// <summary>Endpoint filter: an endpoint throws the error's kind, and this answers with <see cref="ToResult"/>.</summary>
    public static async ValueTask<object?> AnswerInputErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InputException error)
        {
            return ToResult(error);
        }
    }

    /// <summary>
    /// Runs one action of a page and returns the message for the page's error slot, or null when it went well
    /// (or when the page was closed, since nobody is left to read it).
    /// </summary>
    /// <param name="log">Records an unexpected failure; called with the exception, never for an <see cref="InputException"/>.</param>
    /// <param name="serverFailure">What the person reads when the failure is not theirs to fix.</param>
    /// <param name="afterEmbeddingFailure">
    /// When set, an <see cref="EmbeddingException"/> shows its own message (it says what to fix: model, key or
    /// quota, and never contains the key) followed by these words; when null it counts as a server failure.
    /// </param>
    /// <param name="closing">Cancelled when the page goes away.</param>
    public static async Task<string?> RunAsync(Func<Task> action, Action<Exception> log, string serverFailure,
        string? afterEmbeddingFailure = null, CancellationToken closing = default)
    {
        try
        {
            await action();
            return null;
        }
        catch (OperationCanceledException) when (closing.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return MessageFor(error, log, serverFailure, afterEmbeddingFailure);
        }
    }

    /// <summary>The message for a failure already caught; the parameters are those of <see cref="RunAsync"/>.</summary>
    public static string MessageFor(Exception error, Action<Exception> log, string serverFailure, string? afterEmbeddingFailure = null)
    {
        switch (error)
        {
            case InputException input:
                return input.Message;
            case EmbeddingException embedding when afterEmbeddingFailure is not null:
                log(embedding);
                return embedding.Message + afterEmbeddingFailure;
            default:
                log(error);
                return serverFailure;
        }
    }
}

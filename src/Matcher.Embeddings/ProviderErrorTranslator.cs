using System.ClientModel;
using Matcher.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace Matcher.Embeddings;

/// <summary>
/// Turns transport failures of a hosted provider (HTTP status, timeout, unreachable host) into
/// <see cref="EmbeddingException"/>s whose messages tell the administrator what to fix. The retries
/// have already happened in the client pipeline by the time an error arrives here.
/// </summary>
internal sealed class ProviderErrorTranslator(
    IEmbeddingGenerator<string, Embedding<float>> inner, string provider, int timeoutSeconds, IDisposable? owned = null)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GenerateAsync(values, options, cancellationToken);
        }
        catch (ClientResultException ex) when (ex.Status != 0)
        {
            throw ex.Status switch
            {
                401 or 403 => EmbeddingException.Unauthorized(provider, ex),
                429 => EmbeddingException.RateLimited(provider, ex),
                408 => EmbeddingException.Timeout(provider, timeoutSeconds, ex),
                >= 500 => EmbeddingException.ServerError(provider, ex.Status, ex),
                _ => EmbeddingException.BadRequest(provider, ex.Status, ex),
            };
        }
        catch (ClientResultException ex)
        {
            throw EmbeddingException.Unreachable(provider, ex);
        }
        catch (HttpRequestException ex)
        {
            throw EmbeddingException.Unreachable(provider, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The caller did not cancel, so the pipeline's network timeout fired.
            throw EmbeddingException.Timeout(provider, timeoutSeconds, ex);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            owned?.Dispose();
        base.Dispose(disposing);
    }
}

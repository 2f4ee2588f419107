namespace Matcher.Core.Embeddings;

/// <summary>Why embedding failed, so callers can react (retry later, fix settings) without parsing messages.</summary>
public enum EmbeddingFailure
{
    ModelMissing,
    ModelCorrupt,
    Unauthorized,
    RateLimited,
    ServerError,
    Timeout,
    Unreachable,
    BadResponse,
}

/// <summary>
/// An embedding provider could not produce vectors. The message says what went wrong and what the
/// administrator can do about it; it never contains an API key or the text being embedded.
/// </summary>
public sealed class EmbeddingException(EmbeddingFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public EmbeddingFailure Failure { get; } = failure;

    public static EmbeddingException ModelMissing(string modelId, string detail) => new(EmbeddingFailure.ModelMissing,
        $"The embedding model '{modelId}' is not installed ({detail}). Reinstall Matcher or choose another model in Settings (Matcher:Embeddings:Model).");

    public static EmbeddingException ModelCorrupt(string modelId, Exception inner) => new(EmbeddingFailure.ModelCorrupt,
        $"The embedding model '{modelId}' could not be loaded; its files look damaged. Reinstall Matcher or choose another model.", inner);

    public static EmbeddingException Unauthorized(string provider, Exception? inner = null) => new(EmbeddingFailure.Unauthorized,
        $"{provider} rejected the API key (401/403). Check Matcher:Embeddings:ApiKey in user secrets or the environment.", inner);

    public static EmbeddingException RateLimited(string provider, Exception? inner = null) => new(EmbeddingFailure.RateLimited,
        $"{provider} is rate-limiting requests (429) and retries did not get through. Wait a minute and try again, or raise your quota.", inner);

    public static EmbeddingException ServerError(string provider, int status, Exception? inner = null) => new(EmbeddingFailure.ServerError,
        $"{provider} failed with HTTP {status} after retries. Try again later; if it persists, check the provider's status page.", inner);

    public static EmbeddingException BadRequest(string provider, int status, Exception? inner = null) => new(EmbeddingFailure.BadResponse,
        $"{provider} refused the request (HTTP {status}). Check Matcher:Embeddings:Model and Deployment name a model that produces embeddings.", inner);

    public static EmbeddingException Timeout(string provider, int seconds, Exception? inner = null) => new(EmbeddingFailure.Timeout,
        $"{provider} did not answer within {seconds} s. Check the endpoint is reachable, or raise Matcher:Embeddings:TimeoutSeconds.", inner);

    public static EmbeddingException Unreachable(string provider, Exception? inner = null) => new(EmbeddingFailure.Unreachable,
        $"{provider} could not be reached. Check Matcher:Embeddings:Endpoint and the network.", inner);
}

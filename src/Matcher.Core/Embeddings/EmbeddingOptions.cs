namespace Matcher.Core.Embeddings;

/// <summary>Where sentence embeddings come from.</summary>
public enum EmbeddingProvider
{
    /// <summary>A model shipped with Matcher, run in-process (no network, no key).</summary>
    Local,
    OpenAI,
    AzureOpenAI,

    /// <summary>Any server speaking the OpenAI embeddings API (Ollama, vLLM, LM Studio, ...).</summary>
    OpenAICompatible,
}

/// <summary>
/// Embedding settings, bound from the <c>Matcher:Embeddings</c> configuration section.
/// <see cref="ApiKey"/> is read from configuration sources only (user secrets, environment such as
/// <c>Matcher__Embeddings__ApiKey</c>); it is never stored in the database and never logged.
/// </summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Matcher:Embeddings";
    public const string DefaultLocalModel = "local/all-MiniLM-L6-v2";

    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    /// <summary>Model id: <c>local/all-MiniLM-L6-v2</c>, <c>local/arctic-embed-xs</c>, or the hosted model name.</summary>
    public string? Model { get; set; }

    /// <summary>Base URL of the hosted API (required for Azure OpenAI and OpenAI-compatible servers).</summary>
    public string? Endpoint { get; set; }

    /// <summary>Alias of <see cref="Endpoint"/> for OpenAI-compatible servers, whose docs call it the base URL.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Asks hosted models that support it (text-embedding-3-*) for shorter vectors.</summary>
    public int? Dimensions { get; set; }

    public int BatchSize { get; set; } = 32;

    /// <summary>Intra-op threads for the local model; 0 lets the runtime use every core.</summary>
    public int Threads { get; set; }

    /// <summary>
    /// With the local model, which runs one batch at a time with people's matches ahead of background rankings:
    /// how many match batches may go ahead of a waiting ranking batch before the ranking batch goes next.
    /// </summary>
    public int InteractiveTurnsPerBackgroundTurn { get; set; } = 4;

    public int TimeoutSeconds { get; set; } = 60;
    public int MaxRetries { get; set; } = 3;

    public string? ResolvedEndpoint => string.IsNullOrWhiteSpace(Endpoint) ? BaseUrl : Endpoint;

    public string ResolvedModel => string.IsNullOrWhiteSpace(Model)
        ? Provider == EmbeddingProvider.Local ? DefaultLocalModel : Deployment ?? string.Empty
        : Model;

    /// <summary>Every problem with these settings, phrased so an administrator knows what to change.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BatchSize is < 1 or > 2048)
            errors.Add($"Matcher:Embeddings:BatchSize must be between 1 and 2048 (got {BatchSize}).");
        if (Threads < 0)
            errors.Add($"Matcher:Embeddings:Threads must be 0 (all cores) or more (got {Threads}).");
        if (InteractiveTurnsPerBackgroundTurn < 1)
            errors.Add($"Matcher:Embeddings:InteractiveTurnsPerBackgroundTurn must be at least 1 (got {InteractiveTurnsPerBackgroundTurn}).");
        if (TimeoutSeconds < 1)
            errors.Add($"Matcher:Embeddings:TimeoutSeconds must be at least 1 (got {TimeoutSeconds}).");
        if (MaxRetries is < 0 or > 10)
            errors.Add($"Matcher:Embeddings:MaxRetries must be between 0 and 10 (got {MaxRetries}).");
        if (Dimensions is < 1)
            errors.Add("Matcher:Embeddings:Dimensions must be positive when set.");

        var endpoint = ResolvedEndpoint;
        if (endpoint is not null && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
            errors.Add($"Matcher:Embeddings:Endpoint '{endpoint}' is not an absolute URL.");

        switch (Provider)
        {
            case EmbeddingProvider.Local:
                break;
            case EmbeddingProvider.OpenAI:
                RequireKey(errors, "OpenAI");
                Require(errors, Model, "Model", "the OpenAI embedding model, e.g. text-embedding-3-small");
                break;
            case EmbeddingProvider.AzureOpenAI:
                RequireKey(errors, "Azure OpenAI");
                Require(errors, endpoint, "Endpoint", "your Azure OpenAI resource URL");
                Require(errors, Deployment, "Deployment", "the name of your embedding deployment");
                break;
            case EmbeddingProvider.OpenAICompatible:
                Require(errors, endpoint, "Endpoint", "the server's base URL, e.g. http://localhost:11434/v1");
                Require(errors, Model, "Model", "the model name the server knows, e.g. nomic-embed-text");
                break;
            default:
                errors.Add($"Matcher:Embeddings:Provider '{Provider}' is not one of Local, OpenAI, AzureOpenAI, OpenAICompatible.");
                break;
        }
        return errors;
    }

    private void RequireKey(List<string> errors, string provider)
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
            errors.Add($"{provider} needs an API key: set Matcher:Embeddings:ApiKey in user secrets or the environment variable Matcher__Embeddings__ApiKey.");
    }

    private static void Require(List<string> errors, string? value, string name, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add($"Matcher:Embeddings:{name} is required: set it to {what}.");
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() =>
        $"{Provider} model={ResolvedModel} endpoint={ResolvedEndpoint ?? "-"} key={(string.IsNullOrEmpty(ApiKey) ? "none" : "set")}";
}

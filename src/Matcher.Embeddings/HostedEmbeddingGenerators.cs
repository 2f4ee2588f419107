using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Matcher.Core.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using OpenAI;

namespace Matcher.Embeddings;

/// <summary>
/// Hosted embedding generators built with the Semantic Kernel OpenAI / Azure OpenAI connectors.
/// Retries with exponential back-off on 408, 429 and 5xx (honouring Retry-After) come from the
/// client pipeline's <see cref="ClientRetryPolicy"/>; <see cref="EmbeddingOptions.TimeoutSeconds"/>
/// bounds each network attempt.
/// </summary>
internal static class HostedEmbeddingGenerators
{
    private const string ServiceKey = "matcher-embeddings";

    /// <summary>Stable id for receipts and cache keys; vectors of different servers or sizes must not mix.</summary>
    public static string ModelId(EmbeddingOptions options)
    {
        var id = options.Provider switch
        {
            EmbeddingProvider.OpenAI => $"openai/{options.ResolvedModel}",
            EmbeddingProvider.AzureOpenAI => $"azure-openai/{new Uri(options.ResolvedEndpoint!).Host}/{options.Deployment}",
            EmbeddingProvider.OpenAICompatible => $"openai-compatible/{new Uri(options.ResolvedEndpoint!).Authority}/{options.ResolvedModel}",
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "not a hosted provider"),
        };
        return options.Dimensions is { } dimensions ? $"{id}@{dimensions}" : id;
    }

    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options, HttpClient? httpClient = null)
    {
        // Composed in a private container without a logger factory: the connector's logging layer would
        // otherwise write the embedded texts (CV lines) at trace level.
        var services = new ServiceCollection();
        var credential = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey);
        switch (options.Provider)
        {
            case EmbeddingProvider.OpenAI:
            case EmbeddingProvider.OpenAICompatible:
                var openAiOptions = Configure(new OpenAIClientOptions(), options, httpClient);
                if (options.ResolvedEndpoint is { } endpoint)
                    openAiOptions.Endpoint = new Uri(endpoint);
                services.AddOpenAIEmbeddingGenerator(options.ResolvedModel, new OpenAIClient(credential, openAiOptions),
                    options.Dimensions, ServiceKey);
                break;
            case EmbeddingProvider.AzureOpenAI:
                var azureOptions = Configure(new AzureOpenAIClientOptions(), options, httpClient);
                var azureClient = new AzureOpenAIClient(new Uri(options.ResolvedEndpoint!), credential, azureOptions);
                services.AddAzureOpenAIEmbeddingGenerator(options.Deployment!, azureClient, ServiceKey, options.Model, options.Dimensions);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "not a hosted provider");
        }

        var provider = services.BuildServiceProvider();
        var inner = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(ServiceKey);
        return new ProviderErrorTranslator(inner, Describe(options.Provider), options.TimeoutSeconds, provider);
    }

    private static T Configure<T>(T clientOptions, EmbeddingOptions options, HttpClient? httpClient) where T : ClientPipelineOptions
    {
        clientOptions.RetryPolicy = new ClientRetryPolicy(options.MaxRetries);
        clientOptions.NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        if (httpClient is not null)
            clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        return clientOptions;
    }

    internal static string Describe(EmbeddingProvider provider) => provider switch
    {
        EmbeddingProvider.OpenAI => "OpenAI",
        EmbeddingProvider.AzureOpenAI => "Azure OpenAI",
        EmbeddingProvider.OpenAICompatible => "The embedding server",
        _ => provider.ToString(),
    };
}

using Matcher.Core.Embeddings;
using Matcher.Embeddings.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Matcher.Embeddings;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> for strings and <see cref="IEmbeddingModelInfo"/>
    /// from the <c>Matcher:Embeddings</c> section: the local ONNX model by default, or a hosted provider.
    /// When an <see cref="IEmbeddingCache"/> is registered (before or after this call), vectors are cached by
    /// model id and text hash. Options are validated when the application starts.
    /// </summary>
    public static IServiceCollection AddMatcherEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddingOptions>()
            .Bind(configuration.GetSection(EmbeddingOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>());

        services.TryAddSingleton(sp => new ModelTurns(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.InteractiveTurnsPerBackgroundTurn));
        services.TryAddSingleton<IEmbeddingModelInfo>(sp => EmbeddingGeneratorFactory.Describe(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            var loggerFactory = sp.GetService<ILoggerFactory>();
            var generator = EmbeddingGeneratorFactory.Create(options);
            // The local model takes every core for one batch, so its batches take turns, people's matches first.
            // Hosted providers serve many requests at once and keep their own limits.
            if (options.Provider == EmbeddingProvider.Local)
                generator = new TurnTakingEmbeddingGenerator(generator, sp.GetRequiredService<ModelTurns>(), options.BatchSize);
            loggerFactory?.CreateLogger(typeof(EmbeddingServiceCollectionExtensions))
                .LogInformation("Embeddings: {Settings}", options.ToString());

            var cache = sp.GetService<IEmbeddingCache>();
            return cache is null
                ? generator
                : new CachingEmbeddingGenerator(generator, cache, sp.GetRequiredService<IEmbeddingModelInfo>().ModelId,
                    loggerFactory?.CreateLogger<CachingEmbeddingGenerator>());
        });
        return services;
    }
}

/// <summary>Builds the configured provider's generator, undecorated.</summary>
public static class EmbeddingGeneratorFactory
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options, HttpClient? httpClient = null)
    {
        ThrowIfInvalid(options);
        return options.Provider == EmbeddingProvider.Local
            ? new OnnxSentenceEmbeddingGenerator(FindLocal(options), new OnnxEmbeddingSettings(options.BatchSize, options.Threads))
            : HostedEmbeddingGenerators.Create(options, httpClient);
    }

    public static IEmbeddingModelInfo Describe(EmbeddingOptions options)
    {
        ThrowIfInvalid(options);
        if (options.Provider == EmbeddingProvider.Local)
        {
            var model = FindLocal(options);
            return new EmbeddingModelInfo(model.Id, model.Dimensions);
        }
        return new EmbeddingModelInfo(HostedEmbeddingGenerators.ModelId(options), options.Dimensions);
    }

    private static LocalModelDescriptor FindLocal(EmbeddingOptions options) =>
        LocalModels.Find(options.ResolvedModel) ?? throw EmbeddingException.ModelMissing(options.ResolvedModel,
            $"known local models: {string.Join(", ", LocalModels.All.Select(m => m.Id))}");

    private static void ThrowIfInvalid(EmbeddingOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new OptionsValidationException(nameof(EmbeddingOptions), typeof(EmbeddingOptions), errors);
    }
}

internal sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        var errors = options.Validate().ToList();
        if (options.Provider == EmbeddingProvider.Local && LocalModels.Find(options.ResolvedModel) is null)
            errors.Add($"Matcher:Embeddings:Model '{options.ResolvedModel}' is not a local model; use one of {string.Join(", ", LocalModels.All.Select(m => m.Id))}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

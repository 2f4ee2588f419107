using System.Net;
using Matcher.Core.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matcher.Embeddings.Tests;

/// <summary>The hosted path end to end: configuration → Semantic Kernel connector → HTTP → loopback server.</summary>
public sealed class HostedProviderTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private FakeEmbeddingServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeEmbeddingServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private ServiceProvider Compose(Action<Dictionary<string, string?>>? change = null, Action<IServiceCollection>? register = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Matcher:Embeddings:Provider"] = "OpenAICompatible",
            ["Matcher:Embeddings:BaseUrl"] = _server.BaseUrl,
            ["Matcher:Embeddings:Model"] = "test-embed",
            ["Matcher:Embeddings:ApiKey"] = FakeEmbeddingServer.ApiKey,
            ["Matcher:Embeddings:MaxRetries"] = "2",
            ["Matcher:Embeddings:TimeoutSeconds"] = "5",
        };
        change?.Invoke(settings);
        var services = new ServiceCollection();
        register?.Invoke(services);
        services.AddMatcherEmbeddings(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Hosted_vectors_come_back_in_input_order_with_a_model_id_for_receipts()
    {
        await using var services = Compose();
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        string[] texts = ["Python", "five years of Go", "SQL and dbt"];

        var vectors = await generator.GenerateAsync(texts, cancellationToken: _ct);

        Assert.Equal(texts.Select(FakeEmbeddingServer.VectorFor), vectors.Select(v => v.Vector.ToArray()));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("test-embed", request["model"]!.GetValue<string>());
        var port = new Uri(_server.BaseUrl).Port;
        Assert.Equal($"openai-compatible/127.0.0.1:{port}/test-embed", services.GetRequiredService<IEmbeddingModelInfo>().ModelId);
    }

    [Fact]
    public async Task Azure_deployment_is_called_by_name_with_the_key_header()
    {
        await using var services = Compose(s =>
        {
            s["Matcher:Embeddings:Provider"] = "AzureOpenAI";
            s["Matcher:Embeddings:BaseUrl"] = null;
            s["Matcher:Embeddings:Endpoint"] = _server.Root;
            s["Matcher:Embeddings:Deployment"] = "cv-embeddings";
        });
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var vectors = await generator.GenerateAsync(["Azure Functions"], cancellationToken: _ct);

        Assert.Equal(FakeEmbeddingServer.VectorFor("Azure Functions"), vectors[0].Vector.ToArray());
        Assert.Equal("/openai/deployments/cv-embeddings/embeddings", Assert.Single(_server.Paths));
        Assert.Equal("azure-openai/127.0.0.1/cv-embeddings", services.GetRequiredService<IEmbeddingModelInfo>().ModelId);
    }

    [Fact]
    public async Task Unknown_local_model_fails_validation_listing_the_known_ones()
    {
        await using var services = Compose(s => { s["Matcher:Embeddings:Provider"] = "Local"; s["Matcher:Embeddings:Model"] = "local/nope"; });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmbeddingOptions>>().Value);

        Assert.Contains("local/all-MiniLM-L6-v2", error.Message);
    }

    [Fact]
    public async Task With_a_cache_registered_a_repeated_call_makes_no_request()
    {
        var cache = new InMemoryEmbeddingCache();
        await using var services = Compose(register: s => s.AddSingleton<IEmbeddingCache>(cache));
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        await generator.GenerateAsync(["Rust", "Kotlin"], cancellationToken: _ct);
        var again = await generator.GenerateAsync(["Kotlin", "Rust"], cancellationToken: _ct);

        Assert.Single(_server.Requests);
        Assert.Equal(FakeEmbeddingServer.VectorFor("Kotlin"), again[0].Vector.ToArray());
        Assert.StartsWith("openai-compatible/127.0.0.1:", Assert.Single(cache.ModelIds));
    }

    [Fact]
    public async Task Rejected_key_says_to_check_the_key_and_does_not_show_it()
    {
        await using var services = Compose(s => s["Matcher:Embeddings:ApiKey"] = "sk-wrong-key-987654321");
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["Python"], cancellationToken: _ct));

        Assert.Equal(EmbeddingFailure.Unauthorized, error.Failure);
        Assert.Contains("API key", error.Message);
        Assert.DoesNotContain("sk-wrong-key", error.ToString());
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Rate_limited_request_is_retried_and_then_succeeds()
    {
        _server.Failures.Enqueue(HttpStatusCode.TooManyRequests);
        await using var services = Compose();
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var vectors = await generator.GenerateAsync(["Python"], cancellationToken: _ct);

        Assert.Equal(FakeEmbeddingServer.VectorFor("Python"), vectors[0].Vector.ToArray());
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Server_failing_past_the_retries_reports_a_server_error()
    {
        for (var i = 0; i < 3; i++)
            _server.Failures.Enqueue(HttpStatusCode.InternalServerError);
        await using var services = Compose(s => s["Matcher:Embeddings:MaxRetries"] = "1");
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["Python"], cancellationToken: _ct));

        Assert.Equal(EmbeddingFailure.ServerError, error.Failure);
        Assert.Contains("500", error.Message);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Slow_server_reports_a_timeout_naming_the_setting()
    {
        _server.Delay = TimeSpan.FromSeconds(5);
        await using var services = Compose(s => { s["Matcher:Embeddings:TimeoutSeconds"] = "1"; s["Matcher:Embeddings:MaxRetries"] = "0"; });
        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        var error = await Assert.ThrowsAsync<EmbeddingException>(() => generator.GenerateAsync(["Python"], cancellationToken: _ct));

        Assert.Equal(EmbeddingFailure.Timeout, error.Failure);
        Assert.Contains("TimeoutSeconds", error.Message);
    }

    [Fact]
    public async Task Missing_key_for_openai_fails_validation_with_where_to_set_it()
    {
        await using var services = Compose(s => { s["Matcher:Embeddings:Provider"] = "OpenAI"; s["Matcher:Embeddings:ApiKey"] = null; });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmbeddingOptions>>().Value);

        Assert.Contains("Matcher__Embeddings__ApiKey", error.Message);
    }
}

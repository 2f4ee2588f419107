using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Matcher.Embeddings.Tests;

/// <summary>
/// An OpenAI-compatible embeddings server on loopback (<c>POST /v1/embeddings</c>), so the hosted path is
/// exercised through the real connector and HTTP stack. Its vectors are a fixed function of the text.
/// Queue status codes in <see cref="Failures"/> to make the next requests fail.
/// </summary>
internal sealed class FakeEmbeddingServer : IAsyncDisposable
{
    public const string ApiKey = "sk-test-secret-0123456789";
    public const int Dimensions = 8;

    private readonly WebApplication _app;

    private FakeEmbeddingServer(WebApplication app) => _app = app;

    public ConcurrentQueue<HttpStatusCode> Failures { get; } = new();
    public ConcurrentQueue<JsonObject> Requests { get; } = new();
    public TimeSpan Delay { get; set; }
    public string Root => _app.Urls.Single();
    public string BaseUrl => Root + "/v1";
    public ConcurrentQueue<string> Paths { get; } = new();

    public static async Task<FakeEmbeddingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeEmbeddingServer(app);
        app.MapPost("/v1/embeddings", (Delegate)server.HandleAsync);
        // Azure OpenAI's shape: the deployment in the path, the key in an api-key header.
        app.MapPost("/openai/deployments/{deployment}/embeddings", (Delegate)server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>What the server answers for <paramref name="text"/>: length, word count, then a constant tail.</summary>
    public static float[] VectorFor(string text)
    {
        var vector = Enumerable.Repeat(0.25f, Dimensions).ToArray();
        vector[0] = text.Length;
        vector[1] = text.Split(' ').Length;
        return vector;
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        Requests.Enqueue(body);
        Paths.Enqueue(context.Request.Path);
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay, context.RequestAborted);
        if (context.Request.Headers.Authorization != $"Bearer {ApiKey}" && context.Request.Headers["api-key"] != ApiKey)
            return Error(HttpStatusCode.Unauthorized, "invalid_api_key");
        if (Failures.TryDequeue(out var failure))
        {
            context.Response.Headers["retry-after-ms"] = "10";
            return Error(failure, "try_again");
        }

        var inputs = body["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToArray() : [body["input"]!.GetValue<string>()];
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = inputs.Select((text, index) => new
        {
            @object = "embedding",
            index,
            embedding = base64 ? (object)Convert.ToBase64String(MemoryMarshal.AsBytes(VectorFor(text).AsSpan())) : VectorFor(text),
        });
        return Results.Json(new
        {
            @object = "list",
            data,
            model = body["model"]!.GetValue<string>(),
            usage = new { prompt_tokens = inputs.Length, total_tokens = inputs.Length },
        });
    }

    private static IResult Error(HttpStatusCode status, string code) =>
        Results.Json(new { error = new { message = $"fake {code}", type = code, code } }, statusCode: (int)status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using Microsoft.Extensions.AI;

namespace Matcher.Web.Tests.Services;

/// <summary>
/// An embedder that holds every call until it is released or cancelled, so a test can look at work while it
/// is still running, and see whether the caller's cancellation reached it.
/// </summary>
public sealed class HeldEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HashingEmbedder _inner = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _started = new(0);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until a call has reached the embedder.</summary>
    public Task StartedAsync(CancellationToken cancellationToken) => _started.WaitAsync(cancellationToken);

    public void Release() => _release.TrySetResult();

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        _started.Release();
        // Registered after the wait, so it runs first on cancellation: the wait's own callback may resume this
        // method on the cancelling thread and leave the using block before a callback registered earlier has run.
        var held = _release.Task.WaitAsync(cancellationToken);
        using (cancellationToken.Register(() => Cancelled.TrySetResult()))
            await held;
        return await _inner.GenerateAsync(values, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() => _started.Dispose();
}

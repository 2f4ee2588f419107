using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Matcher.Web.Services.Work;

/// <summary>
/// The reading and matching one open page (its circuit) started. It ends when the circuit closes (the tab is closed,
/// or the connection stays lost), so no one's work runs on for a page no one sees, and it holds none of the person's
/// places in <see cref="MatchGate"/> after that. Outside a circuit (a request, a test) it ends with its scope.
/// </summary>
public sealed class CircuitWork : IDisposable
{
    private readonly CancellationTokenSource _closed = new();
    private readonly CancellationToken _token;

    public CircuitWork() => _token = _closed.Token;

    public bool IsClosed => _token.IsCancellationRequested;

    /// <summary>A token that stops when the caller's does or when the circuit closes; dispose it when the work ends.</summary>
    public CancellationTokenSource Link(CancellationToken cancellationToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _token);

    internal void Close()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The scope ended first, which already stopped the work.
        }
    }

    public void Dispose()
    {
        Close();
        _closed.Dispose();
    }
}

/// <summary>Stops a circuit's <see cref="CircuitWork"/> as soon as Blazor closes the circuit.</summary>
public sealed class CircuitWorkHandler(CircuitWork work) : CircuitHandler
{
    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        work.Close();
        return Task.CompletedTask;
    }
}

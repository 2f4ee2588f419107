namespace Matcher.Core.Embeddings;

/// <summary>
/// Lets one batch at a time through to the embedding model, and puts people waiting for a match ahead of background
/// ranking. The local model already uses every core for one batch, so batches running side by side only slow each
/// other down; taking turns keeps a person's match from waiting behind a whole ranking. So that a busy day never
/// stops a ranking outright, once <c>interactiveTurnsPerBackgroundTurn</c> interactive turns have gone ahead of a
/// waiting background turn, that background turn goes next.
/// </summary>
public sealed class ModelTurns
{
    private static readonly AsyncLocal<bool> InBackground = new();

    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _interactive = new();
    private readonly LinkedList<Waiter> _background = new();
    private readonly int _interactiveTurnsPerBackgroundTurn;
    private bool _busy;
    private int _interactiveAheadOfBackground;

    public ModelTurns(int interactiveTurnsPerBackgroundTurn = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interactiveTurnsPerBackgroundTurn, 1);
        _interactiveTurnsPerBackgroundTurn = interactiveTurnsPerBackgroundTurn;
    }

    /// <summary>True inside <see cref="AsBackground"/>: the embedding work of this flow can wait for people's matches.</summary>
    public static bool IsBackground => InBackground.Value;

    /// <summary>Marks the embedding work started in this flow, until disposed, as background work.</summary>
    public static IDisposable AsBackground()
    {
        var before = InBackground.Value;
        InBackground.Value = true;
        return new Scope(before);
    }

    /// <summary>Waits for the model; dispose the result when the batch is done, however it ends.</summary>
    public Task<IDisposable> TakeAsync(bool background, CancellationToken cancellationToken = default)
    {
        var waiter = new Waiter(this);
        lock (_lock)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_busy)
            {
                _busy = true;
                return Task.FromResult<IDisposable>(new Turn(this));
            }
            waiter.Node = (background ? _background : _interactive).AddLast(waiter);
            // Under the lock, so a grant always sees the registration it has to undo.
            waiter.Registration = cancellationToken.Register(() =>
            {
                // A waiter given the model just as it gave up keeps the turn and hands it on when it disposes it.
                if (Withdraw(waiter))
                    waiter.TrySetCanceled(cancellationToken);
            });
        }
        return waiter.Task;
    }

    /// <summary>Hands the model to the next waiter, or leaves it free.</summary>
    private void Release()
    {
        lock (_lock)
        {
            LinkedList<Waiter>? from = null;
            if (_background.Count > 0 && (_interactive.Count == 0 || _interactiveAheadOfBackground >= _interactiveTurnsPerBackgroundTurn))
            {
                from = _background;
                _interactiveAheadOfBackground = 0;
            }
            else if (_interactive.Count > 0)
            {
                from = _interactive;
                if (_background.Count > 0)
                    _interactiveAheadOfBackground++;
            }
            if (from is null)
            {
                _busy = false;
                return;
            }
            var next = from.First!.Value;
            from.RemoveFirst();
            next.Grant();
        }
    }

    /// <summary>Takes a waiter that gave up out of its line; false if it was already given the model.</summary>
    private bool Withdraw(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is not { } list)
                return false;
            list.Remove(waiter.Node);
            return true;
        }
    }

    private sealed class Waiter(ModelTurns turns) : TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        public void Grant()
        {
            TrySetResult(new Turn(turns));
            // Unregister, not Dispose: this runs under the lock that a cancellation running right now waits for.
            Registration.Unregister();
        }
    }

    private sealed class Turn(ModelTurns turns) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                turns.Release();
        }
    }

    private sealed class Scope(bool before) : IDisposable
    {
        public void Dispose() => InBackground.Value = before;
    }
}

namespace Matcher.Core.Documents;

/// <summary>
/// How long one document read may take, and whether its caller still wants it. The readers check it between pages,
/// parts and blocks: the libraries they call cannot be interrupted, but no file gets more than one page or block
/// past its budget or its cancellation.
/// </summary>
internal sealed class ReadBudget
{
    private readonly string _name;
    private readonly TimeSpan _budget;
    private readonly TimeProvider _clock;
    private readonly CancellationToken _cancellationToken;
    private readonly long _started;

    public ReadBudget(string name, TimeSpan budget, TimeProvider clock, CancellationToken cancellationToken)
    {
        _name = name;
        _budget = budget;
        _clock = clock;
        _cancellationToken = cancellationToken;
        _started = clock.GetTimestamp();
    }

    /// <exception cref="OperationCanceledException">The caller no longer wants the read.</exception>
    /// <exception cref="InputException">The read has taken longer than its budget.</exception>
    public void Check()
    {
        var elapsed = _clock.GetElapsedTime(_started);
        _cancellationToken.ThrowIfCancellationRequested();
        if (_budget != Timeout.InfiniteTimeSpan && elapsed > _budget)
            throw new InputException($"{_name} took too long to read (more than {_budget.TotalSeconds:0.#} seconds), so reading it was stopped. Save it as a smaller PDF (the CV itself, a few pages), or as DOCX/TXT, and upload that.");
    }
}

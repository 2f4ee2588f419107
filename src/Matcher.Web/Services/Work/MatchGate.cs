using System.Collections.Concurrent;
using Matcher.Core.Documents;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Services.Work;

/// <summary>
/// Keeps one person from filling the server with work: reading and matching take a core each, so a person
/// opening many tabs, or a script, would slow everyone else down. Beyond the limit the work is refused at
/// once with a message rather than queued behind the person's own earlier work.
/// </summary>
public sealed class MatchGate(IOptions<WorkOptions> options, ILogger<MatchGate> logger)
{
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.Ordinal);

    /// <summary>Takes one of the person's places; dispose the result when the work ends, however it ends.</summary>
    /// <exception cref="InputException">The person already has the most work running that is allowed.</exception>
    public IDisposable Enter(string personId)
    {
        var limit = Math.Max(1, options.Value.MatchesPerPerson);
        while (true)
        {
            var current = _running.GetOrAdd(personId, 0);
            if (current >= limit)
            {
                logger.LogInformation("Refused work for {PersonId}: {Running} already running", personId, current);
                throw new InputException(limit == 1
                    ? "You already have a match running. Wait for it to finish, then try again."
                    : $"You already have {limit} matches running. Wait for one of them to finish, then try again.");
            }
            if (_running.TryUpdate(personId, current + 1, current))
                return new Lease(this, personId);
        }
    }

    /// <summary>How much work the person has running now.</summary>
    public int Running(string personId) => _running.TryGetValue(personId, out var count) ? count : 0;

    private void Leave(string personId)
    {
        while (true)
        {
            var current = _running.GetValueOrDefault(personId);
            if (current <= 1)
            {
                if (_running.TryRemove(new KeyValuePair<string, int>(personId, current)) || !_running.ContainsKey(personId))
                    return;
            }
            else if (_running.TryUpdate(personId, current - 1, current))
                return;
        }
    }

    private sealed class Lease(MatchGate gate, string personId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                gate.Leave(personId);
        }
    }
}

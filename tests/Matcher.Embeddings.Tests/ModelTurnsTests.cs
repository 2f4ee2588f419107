using Matcher.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace Matcher.Embeddings.Tests;

public sealed class ModelTurnsTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_one_batch_has_the_model_at_a_time()
    {
        var turns = new ModelTurns();
        var first = turns.TakeAsync(background: false, _ct);
        var second = turns.TakeAsync(background: false, _ct);
        var third = turns.TakeAsync(background: true, _ct);
        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);

        (await first).Dispose();
        var secondTurn = await second.WaitAsync(_ct);
        Assert.False(third.IsCompleted);
        // A turn handed back twice frees the model once.
        secondTurn.Dispose();
        secondTurn.Dispose();
        (await third.WaitAsync(_ct)).Dispose();
        Assert.True(turns.TakeAsync(background: false, _ct).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_person_waiting_goes_ahead_of_a_ranking_that_was_waiting_first()
    {
        var turns = new ModelTurns();
        var holder = await turns.TakeAsync(background: true, _ct);
        var ranking = turns.TakeAsync(background: true, _ct);
        var person = turns.TakeAsync(background: false, _ct);

        holder.Dispose();
        var personTurn = await person.WaitAsync(_ct);
        Assert.False(ranking.IsCompleted);
        personTurn.Dispose();
        (await ranking.WaitAsync(_ct)).Dispose();
    }

    [Fact]
    public async Task A_waiting_ranking_batch_goes_next_after_the_configured_number_of_matches_went_ahead_of_it()
    {
        var turns = new ModelTurns(interactiveTurnsPerBackgroundTurn: 3);
        var holder = await turns.TakeAsync(background: false, _ct);
        var waiting = new List<(string Name, Task<IDisposable> Turn)> { ("ranking", turns.TakeAsync(background: true, _ct)) };
        for (var i = 1; i <= 5; i++)
            waiting.Add(($"match {i}", turns.TakeAsync(background: false, _ct)));

        var order = new List<string>();
        var current = holder;
        while (waiting.Count > 0)
        {
            current.Dispose();
            var granted = Assert.Single(waiting, w => w.Turn.IsCompleted);
            order.Add(granted.Name);
            waiting.Remove(granted);
            current = await granted.Turn;
        }
        current.Dispose();

        Assert.Equal(["match 1", "match 2", "match 3", "ranking", "match 4", "match 5"], order);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_waiting_leaves_the_line_and_the_turn_goes_to_the_next()
    {
        var turns = new ModelTurns();
        var holder = await turns.TakeAsync(background: false, _ct);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var impatient = turns.TakeAsync(background: false, giveUp.Token);
        var patient = turns.TakeAsync(background: true, _ct);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        holder.Dispose();
        var patientTurn = await patient.WaitAsync(_ct);

        // With nobody else waiting, handing the model back leaves it free.
        patientTurn.Dispose();
        Assert.True(turns.TakeAsync(background: false, _ct).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Ranking_work_is_marked_as_background_through_awaits_and_parallel_work_and_not_after()
    {
        Assert.False(ModelTurns.IsBackground);
        bool[] seen;
        using (ModelTurns.AsBackground())
        {
            await Task.Yield();
            seen = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ModelTurns.IsBackground, _ct)));
        }
        Assert.All(seen, Assert.True);
        Assert.False(ModelTurns.IsBackground);
    }

    [Fact]
    public async Task The_model_sees_a_large_call_one_batch_of_similar_lengths_at_a_time_and_the_vectors_come_back_in_order()
    {
        var counting = new CountingEmbeddingGenerator(new HashingEmbeddingGenerator());
        var generator = new TurnTakingEmbeddingGenerator(counting, new ModelTurns(), batchSize: 4);
        // Long and short lines interleaved, as the lines of several CVs are in one ranking call.
        var texts = Enumerable.Range(1, 10).Select(n => n % 2 == 0 ? $"line {n}" : $"a much longer line of a CV, number {n}, with more words").ToArray();

        var vectors = await generator.GenerateAsync(texts, cancellationToken: _ct);
        var direct = await new HashingEmbeddingGenerator().GenerateAsync(texts, cancellationToken: _ct);

        Assert.Equal(3, counting.Calls);
        Assert.Equal(texts.Order(), counting.Texts.Order());
        // The first turn holds four of the five short lines, not the call's first four texts.
        Assert.All(counting.Texts.Take(4), t => Assert.StartsWith("line ", t));
        Assert.All(counting.Texts.Skip(5), t => Assert.StartsWith("a much longer", t));
        Assert.Equal(direct.Select(v => v.Vector.ToArray()), vectors.Select(v => v.Vector.ToArray()));
    }

    [Fact]
    public void Settings_that_would_let_rankings_wait_forever_are_refused_with_what_to_change()
    {
        var error = Assert.Single(new EmbeddingOptions { InteractiveTurnsPerBackgroundTurn = 0 }.Validate());
        Assert.Contains("Matcher:Embeddings:InteractiveTurnsPerBackgroundTurn must be at least 1", error);
        Assert.Empty(new EmbeddingOptions().Validate());
    }
}

namespace Matcher.Web.Services.Ranking;

/// <summary>Runs ranking jobs in the background, one at a time, so a page can be left and reopened.</summary>
public sealed class RankingWorker(RankingJobRunner runner, RankingSignal signal, ILogger<RankingWorker> logger) : BackgroundService
{
    // A safety net: the signal normally wakes the worker at once.
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await runner.RequeueInterruptedAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await runner.RunNextAsync(stoppingToken))
                        continue;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "The ranking worker could not pick up the next job");
                }
                await signal.WaitForWorkAsync(IdlePoll, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a running job stays "Running" and is resumed on the next start.
        }
    }
}

using Microsoft.Extensions.Options;

namespace Matcher.Web.Services.Privacy;

/// <summary>Runs the retention sweep at start and then every <see cref="PrivacyOptions.SweepInterval"/>.</summary>
public sealed class RetentionWorker(
    RetentionSweeper sweeper,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (options.Value.KeepsForever)
        {
            logger.LogInformation("Retention is off (Matcher:Privacy:RetentionDays is 0): personal data is kept until people delete it");
            return;
        }
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        try
        {
            do
            {
                try
                {
                    await sweeper.SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next tick tries again; a failed batch rolled back and left nothing half-deleted.
                    logger.LogError(ex, "The retention sweep failed");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}

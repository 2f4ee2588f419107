using Microsoft.Extensions.Options;

namespace Matcher.Web.Services.Privacy;

/// <summary>
/// At start and then every <see cref="PrivacyOptions.SweepInterval"/>: runs the retention sweep (when retention is on)
/// and removes files in the file store that no row has used for a day.
/// </summary>
public sealed class RetentionWorker(
    RetentionSweeper sweeper,
    IOptions<PrivacyOptions> options,
    TimeProvider clock,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var keepsForever = options.Value.KeepsForever;
        if (keepsForever)
            logger.LogInformation("Retention is off (Matcher:Privacy:RetentionDays is 0): personal data is kept until people delete it");
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        try
        {
            do
            {
                try
                {
                    if (!keepsForever)
                        await sweeper.SweepAsync(stoppingToken);
                    await sweeper.DeleteUnusedFilesAsync(stoppingToken);
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

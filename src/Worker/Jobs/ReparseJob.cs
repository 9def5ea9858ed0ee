using Crawler.Worker.Pipeline;
using Hangfire;

namespace Crawler.Worker.Jobs;

/// <summary>
/// Reparses stored raw pages from the dashboard: registered as a recurring job that never fires on its own, so
/// an operator triggers it after deploying a parser fix; the parse and pair stages then run as usual.
/// </summary>
public sealed class ReparseJob(Reparse reparse, DueStageTrigger trigger)
{
    public const string Id = "reparse";

    [AutomaticRetry(Attempts = 1)]
    [JobDisplayName("reparse stored pages")]
    public async Task<string> RunAsync(string? site, DateTimeOffset? since, CancellationToken ct)
    {
        var queued = await reparse.QueueAsync(site, since, ct);
        await trigger.QueueDueStagesAsync(ct);
        return $"{queued} threads queued for parsing";
    }
}

using Crawler.Parsers.Forums;
using Crawler.Parsers;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Sources;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// Pauses a source whose pages stopped matching its site's layout, so a forum that changed its markup is not
/// crawled on into failed threads: each such page is counted, a page that parses ends the run, and a run of
/// <see cref="SourceOptions.LayoutFailuresToPause"/> pauses the source until a restart.
/// </summary>
public sealed class LayoutWatch(SourcePauseStore store, ILogger<LayoutWatch> log)
{
    public async Task FailedAsync(SourceOptions source, LayoutChangedException e, CancellationToken ct)
    {
        if (await store.RecordFailureAsync(source.Name, e.Message, source.LayoutFailuresToPause, ct))
        {
            log.LogWarning(
                "Source {Source} paused after {Count} pages in a row that did not match its layout ({Reason}); fix its site file and restart the service",
                source.Name, source.LayoutFailuresToPause, e.Message);
        }
    }

    public Task MatchedAsync(SourceOptions source, CancellationToken ct) => store.RecordSuccessAsync(source.Name, ct);

    /// <summary>Why the source is paused, or null when it runs.</summary>
    public Task<string?> PausedAsync(SourceOptions source, CancellationToken ct) => store.PausedReasonAsync(source.Name, ct);
}

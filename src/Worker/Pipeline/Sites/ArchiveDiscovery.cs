using System.Globalization;
using Crawler.Parsers;
using Crawler.Parsers.Reddit.ArcticShift;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Pipeline.Sites;

/// <summary>
/// Lists a community of an archive source (Arctic Shift) oldest first, from the catalog's cursor on: every page's
/// new threads go to the frontier before the cursor moves past them, so a pass cut short (a 429, a crash) goes on
/// where it stopped and a later pass finds only what was posted since.
/// </summary>
public sealed class ArchiveDiscovery(SourceFetcher fetcher, DiscoveredThreads discovered, ArchiveCursorStore cursors, TimeProvider time)
{
    public async Task DiscoverAsync(SourceOptions source, ISiteAdapter adapter, string community, CancellationToken ct)
    {
        var cursor = await cursors.GetAsync(source.Name, community, ct) ?? await StartAsync(source, adapter.Site, community, ct);
        for (var page = 0; page < source.ListingPages; page++)
        {
            var url = adapter.ListingUrl(source.BaseUri, community, cursor.CreatedUtc.ToString(CultureInfo.InvariantCulture));
            var response = await fetcher.GetAsync(source, url, ct);
            var posts = adapter.Parser.Parse(response.Body, url).Threads;
            // The time bound is inclusive, so the posts of the cursor's own second come again; the cursor skips them.
            var beyond = posts.Where(t => cursor.IsBefore(t.CreatedUtc, t.Id)).DistinctBy(t => t.Id).ToList();
            await discovered.AdmitAsync(source, adapter, community, beyond, ct);
            var next = beyond.Count > 0
                ? beyond.Select(t => new ArchiveCursor(t.CreatedUtc, t.Id)).Aggregate((a, b) => a.IsBefore(b.CreatedUtc, b.ThreadId) ? b : a)
                // A full page of nothing new is a second holding more posts than a page: going on past it beats looping on it.
                : posts.Count >= ArcticShiftUrls.PageSize ? new ArchiveCursor(cursor.CreatedUtc + 1, "") : cursor;
            if (next != cursor)
            {
                await cursors.SaveAsync(source.Name, community, next, ct);
                cursor = next;
            }
            if (posts.Count < ArcticShiftUrls.PageSize)
            {
                return; // a short page is the end of what the archive holds so far
            }
        }
    }

    /// <summary>A community's first pass starts <see cref="SourceOptions.StartDaysAgo"/> back, or after its newest imported thread.</summary>
    private async Task<ArchiveCursor> StartAsync(SourceOptions source, string site, string community, CancellationToken ct)
    {
        var start = new ArchiveCursor(time.GetUtcNow().AddDays(-source.StartDaysAgo).ToUnixTimeSeconds(), "");
        return await cursors.NewestThreadAsync(site, community, ct) is { } newest && newest.CreatedUtc >= start.CreatedUtc ? newest : start;
    }
}

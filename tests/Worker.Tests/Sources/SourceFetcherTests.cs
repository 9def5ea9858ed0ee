using Crawler.Worker.Sources;

namespace Crawler.Worker.Tests.Sources;

/// <summary>The source fetcher hands a site's announced budget (Reddit's, Arctic Shift's) to the real fetcher, which holds requests back.</summary>
public sealed class SourceFetcherTests
{
    [Fact]
    public async Task Get_HoldsTheNextRequestBack_UntilAnExhaustedWindowResets()
    {
        await using var server = await RedditApiServer.StartAsync();
        var source = RedditSourceOptions.For(server, polite: true);
        using var pipeline = await TestPipeline.StartAsync(source);
        var fetcher = pipeline.Get<SourceFetcher>();
        var listing = server.Url("r/PhotoshopRequest/new.json?limit=100&raw_json=1");
        server.Remaining = 0;
        await fetcher.GetAsync(source, listing, CancellationToken.None);
        server.Remaining = null;

        var next = fetcher.GetAsync(source, listing, CancellationToken.None);
        await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(300)));
        var heldBack = !next.IsCompleted;
        pipeline.Time.Advance(TimeSpan.FromSeconds(31));
        await next;

        Assert.True(heldBack, "the second request went out while Reddit said none were left");
        Assert.Equal(2, server.Count("GET /r/PhotoshopRequest/new.json"));
    }

    [Fact]
    public async Task Get_HoldsTheNextArchiveRequestBack_UntilTheWindowArcticShiftAnnouncedResets()
    {
        await using var server = await Crawler.TestSupport.ArcticShiftServer.StartAsync();
        var source = ArcticShiftSourceOptions.For(server);
        source.NoPoliteness = false;
        using var pipeline = await TestPipeline.StartAsync(source);
        var fetcher = pipeline.Get<SourceFetcher>();
        var posts = new Uri(server.BaseUrl, "api/posts/ids?ids=1c5aaa1");
        server.Remaining = 0;
        await fetcher.GetAsync(source, posts, CancellationToken.None);
        server.Remaining = null;

        var next = fetcher.GetAsync(source, posts, CancellationToken.None);
        await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(300)));
        var heldBack = !next.IsCompleted;
        pipeline.Time.Advance(TimeSpan.FromSeconds(31));
        await next;

        Assert.True(heldBack, "the second request went out while Arctic Shift said none were left");
        Assert.Equal(2, server.Count("/api/posts/ids"));
    }
}

using Crawler.TestSupport;
using Crawler.Fetching;
using Crawler.TestSupport.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Fetching.Tests.Robots;

/// <summary>robots.txt as the fetcher meets it on a loopback site: status variants, redirects, caching, exemption.</summary>
public sealed class RobotsFetchTests
{
    private readonly Counts _hits = new();

    [Fact]
    public async Task Fetch_AllowsEverything_WhenRobotsTxtIs404_AndAsksForItOnce()
    {
        await using var server = await SiteAsync(robots: null);
        using var rig = new FetcherRig();

        for (var i = 0; i < 3; i++)
        {
            await rig.GetAsync(FetcherRig.At(server, $"/page/{i}"));
        }

        Assert.Equal(1, _hits["/robots.txt"]);
        Assert.Equal(3, _hits["/page"]);
    }

    [Fact]
    public async Task Fetch_RefusesPermanently_WhatRobotsTxtDisallows_WithoutRequestingIt()
    {
        await using var server = await SiteAsync(robots: _ => Results.Text("User-agent: *\nDisallow: /page/private\n"));
        using var rig = new FetcherRig();

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/page/private")));
        var allowed = await rig.GetAsync(FetcherRig.At(server, "/page/public"));

        Assert.False(error.Transient);
        Assert.Equal($"disallowed by robots.txt of {FetcherRig.Host}", error.Message);
        Assert.Equal("page", System.Text.Encoding.UTF8.GetString(allowed.Body));
        Assert.Equal(1, _hits["/page"]);
    }

    [Theory]
    [InlineData(503, "HTTP 503 Service Unavailable")]
    [InlineData(500, "HTTP 500 Internal Server Error")]
    [InlineData(429, "HTTP 429 Too Many Requests")]
    public async Task Fetch_DisallowsEverythingAsTransient_WhenRobotsTxtIsUnreachable(int status, string described)
    {
        await using var server = await SiteAsync(robots: _ => Results.StatusCode(status));
        using var rig = new FetcherRig(fetch: f => f.MaxRetries = 0);

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/page/1")));

        Assert.True(error.Transient);
        Assert.Equal($"robots.txt of {FetcherRig.Host} is unreachable ({described}), so every path counts as disallowed for now", error.Message);
        Assert.Equal(0, _hits["/page"]);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(410)]
    public async Task Fetch_AllowsEverything_WhenRobotsTxtIsAny4xxButTooManyRequests(int status)
    {
        await using var server = await SiteAsync(robots: _ => Results.StatusCode(status));
        using var rig = new FetcherRig();

        var response = await rig.GetAsync(FetcherRig.At(server, "/page/1"));

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task Fetch_FollowsARedirectedRobotsTxt()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Redirect("/robots-moved.txt", permanent: true));
            app.MapGet("/robots-moved.txt", () => Results.Text("User-agent: CrawlerBot\nDisallow: /secret\n"));
            app.MapGet("/secret", () => Results.Text("secret"));
        });
        using var rig = new FetcherRig();

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/secret")));

        Assert.Equal($"disallowed by robots.txt of {FetcherRig.Host}", error.Message);
    }

    [Fact]
    public async Task Fetch_SkipsRobotsTxt_OnlyForASourceExplicitlyExempt()
    {
        await using var server = await SiteAsync(robots: _ => Results.Text("User-agent: *\nDisallow: /\n"));
        using var rig = new FetcherRig(exemptions: FixedExemptions.Robots("api"));

        var viaApi = await rig.GetAsync(FetcherRig.At(server, "/page/1"), source: "api");
        var viaPages = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/page/2"), source: "pages"));
        var viaImages = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/page/3"), FetchKind.Image, source: "images"));

        Assert.Equal(200, viaApi.StatusCode);
        Assert.Equal($"disallowed by robots.txt of {FetcherRig.Host}", viaPages.Message);
        Assert.Equal($"disallowed by robots.txt of {FetcherRig.Host}", viaImages.Message);
        Assert.Equal(1, _hits["/page"]);
    }

    [Fact]
    public async Task Fetch_RereadsRobotsTxt_AfterADay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await SiteAsync(robots: _ => Results.Text("User-agent: *\nDisallow: /nothing\n"));
        using var rig = new FetcherRig(clock);

        await rig.GetAsync(FetcherRig.At(server, "/page/1"));
        clock.Advance(TimeSpan.FromHours(23));
        await rig.GetAsync(FetcherRig.At(server, "/page/2"));
        clock.Advance(TimeSpan.FromHours(2));
        await rig.GetAsync(FetcherRig.At(server, "/page/3"));

        Assert.Equal(2, _hits["/robots.txt"]);
    }

    [Fact]
    public async Task Fetch_SpacesRequests_ByTheCrawlDelay_UpToTheCap()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var arrivals = new List<DateTimeOffset>();
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nCrawl-delay: 500\n"));
            app.MapGet("/page/{n}", (string n) =>
            {
                lock (arrivals)
                {
                    arrivals.Add(clock.GetUtcNow());
                }
                return Results.Text("page");
            });
        });
        using var rig = new FetcherRig(clock, fetch: f => f.PageTimeoutSeconds = 3600, politeness: p => p.MaxCrawlDelaySeconds = 20);

        var all = Task.WhenAll(Enumerable.Range(0, 3).Select(i => rig.GetAsync(FetcherRig.At(server, $"/page/{i}"))));
        await ClockPump.RunAsync(clock, all, TimeSpan.FromMilliseconds(500));

        // Crawl-delay 500 s is capped at 20 s: page k cannot start before k such delays have passed.
        var ordered = arrivals.Order().ToList();
        Assert.Equal(3, ordered.Count);
        Assert.All(ordered.Select((at, k) => (at, k)), a => Assert.True(a.at - start >= TimeSpan.FromSeconds(20 * a.k), $"page {a.k} arrived at +{a.at - start}"));
        Assert.True(ordered[^1] - start < TimeSpan.FromSeconds(500), "the cap, not the file's 500 s, applies");
    }

    /// <summary>A site with pages under /page/ and, when given, a robots.txt answer.</summary>
    private async Task<LoopbackServer> SiteAsync(Func<HttpContext, IResult>? robots) =>
        await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/robots.txt", (HttpContext ctx) =>
            {
                _hits.Add("/robots.txt");
                return robots?.Invoke(ctx) ?? Results.NotFound();
            });
            app.MapGet("/page/{name}", (string name) =>
            {
                _hits.Add("/page");
                return Results.Text("page");
            });
        });

    private sealed class Counts
    {
        private readonly Dictionary<string, int> _counts = [];

        public int this[string key]
        {
            get
            {
                lock (_counts)
                {
                    return _counts.GetValueOrDefault(key);
                }
            }
        }

        public void Add(string key)
        {
            lock (_counts)
            {
                _counts[key] = _counts.GetValueOrDefault(key) + 1;
            }
        }
    }
}

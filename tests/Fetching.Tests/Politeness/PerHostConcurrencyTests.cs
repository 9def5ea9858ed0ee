using Crawler.TestSupport;
using Crawler.TestSupport.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Fetching.Tests.Politeness;

/// <summary>The per-host limits measured where they matter: at a real server receiving the requests.</summary>
public sealed class PerHostConcurrencyTests
{
    [Fact]
    public async Task Fetch_NeverHasMoreRequestsInFlightToOneHost_ThanTheLimit()
    {
        var inFlight = 0;
        var most = 0;
        var served = 0;
        var release = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/slow/{n}", async (string n) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            // The first requests wait until the test has seen the limit reached, so overlap is certain.
            await release.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Interlocked.Decrement(ref inFlight);
            Interlocked.Increment(ref served);
            return Results.Text(n);
        }));
        using var rig = new FetcherRig(
            politeness: p => p.MaxConcurrencyPerHost = 2,
            exemptions: FixedExemptions.Robots("test"));

        var fetches = Enumerable.Range(0, 10).Select(i => rig.GetAsync(FetcherRig.At(server, $"/slow/{i}"))).ToList();
        for (var i = 0; i < 3000 && Volatile.Read(ref inFlight) < 2; i++)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
        var reached = Volatile.Read(ref inFlight);
        release.SetResult();
        await Task.WhenAll(fetches);

        Assert.Equal(2, reached);
        Assert.Equal(2, most);
        Assert.Equal(10, served);
    }

    [Fact]
    public async Task Fetch_SpacesRequestArrivals_ByTheMinimumDelay_OnTheFakeClock()
    {
        var start = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        var arrivals = new List<DateTimeOffset>();
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/p/{n}", (string n) =>
        {
            lock (arrivals)
            {
                arrivals.Add(clock.GetUtcNow());
            }
            return Results.Text(n);
        }));
        using var rig = new FetcherRig(
            clock,
            fetch: f => f.PageTimeoutSeconds = 3600,
            politeness: p =>
            {
                p.MinDelayMilliseconds = 3000;
                p.MaxConcurrencyPerHost = 2;
            },
            exemptions: FixedExemptions.Robots("test"));

        var all = Task.WhenAll(Enumerable.Range(0, 4).Select(i => rig.GetAsync(FetcherRig.At(server, $"/p/{i}"))));
        await ClockPump.RunAsync(clock, all, TimeSpan.FromMilliseconds(250));

        // The k-th request cannot start before k delays have passed; it arrives when it starts or later.
        var ordered = arrivals.Order().ToList();
        Assert.Equal(4, ordered.Count);
        Assert.All(ordered.Select((at, k) => (at, k)), a => Assert.True(a.at - start >= TimeSpan.FromSeconds(3 * a.k), $"request {a.k} arrived at +{a.at - start}"));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

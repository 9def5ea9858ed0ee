using Crawler.Fetching.Politeness;
using Crawler.Fetching.Transport;
using Crawler.TestSupport.Fetching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Fetching.Tests.Politeness;

/// <summary>Turn-taking per host on a fake clock: nothing here sleeps, time moves only when the test says.</summary>
public sealed class HostPolitenessTests
{
    private static readonly Uri Page = new("https://images.example.test/a.jpg");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enter_SpacesStartsToOneHost_ByTheMinimumDelay()
    {
        using var hosts = Hosts(o => o.MinDelayMilliseconds = 1500);

        (await hosts.EnterAsync(Page, Ct)).Dispose();
        var second = hosts.EnterAsync(Page, Ct);
        _clock.Advance(TimeSpan.FromMilliseconds(1499));
        var waitedTooLittle = second.IsCompleted;
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(waitedTooLittle);
        (await second.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Dispose();
    }

    [Fact]
    public async Task Enter_DoesNotDelayOtherHosts()
    {
        using var hosts = Hosts(o => o.MinDelayMilliseconds = 10_000);

        (await hosts.EnterAsync(Page, Ct)).Dispose();
        var other = hosts.EnterAsync(new Uri("https://other.example.test/b.jpg"), Ct);

        Assert.True(other.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Enter_HoldsTheThirdRequest_WhileTwoAreInFlight()
    {
        using var hosts = Hosts(o => o.MaxConcurrencyPerHost = 2);

        var first = await hosts.EnterAsync(Page, Ct);
        var second = await hosts.EnterAsync(Page, Ct);
        var third = hosts.EnterAsync(Page, Ct);
        var heldWhileFull = !third.IsCompleted;
        first.Dispose();

        Assert.True(heldWhileFull);
        (await third.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task Update_HoldsTheHost_UntilAnExhaustedBudgetResets()
    {
        using var hosts = Hosts();
        hosts.Update(Page.Host, remaining: 0, resetsIn: TimeSpan.FromSeconds(42));

        var next = hosts.EnterAsync(Page, Ct);
        _clock.Advance(TimeSpan.FromSeconds(41));
        var early = next.IsCompleted;
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(early);
        (await next.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Dispose();
    }

    [Fact]
    public async Task Update_SpreadsTheRemainingBudget_OverTheWindow()
    {
        using var hosts = Hosts();
        hosts.Update(Page.Host, remaining: 10, resetsIn: TimeSpan.FromSeconds(50));

        (await hosts.EnterAsync(Page, Ct)).Dispose();
        var second = hosts.EnterAsync(Page, Ct);
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        var early = second.IsCompleted;
        _clock.Advance(TimeSpan.FromSeconds(0.1));

        Assert.False(early);
        (await second.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Dispose();
    }

    [Fact]
    public async Task Observe_ReadsRedditStyleRateLimitHeaders()
    {
        using var hosts = Hosts();
        hosts.Observe(Page, Result(200, ("x-ratelimit-remaining", "0.0"), ("x-ratelimit-reset", "30")));

        var next = hosts.EnterAsync(Page, Ct);
        _clock.Advance(TimeSpan.FromSeconds(29));
        var early = next.IsCompleted;
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(early);
        (await next.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Dispose();
    }

    [Fact]
    public async Task Observe_SlowsTheHostDown_ByItsLatency()
    {
        using var hosts = Hosts(o =>
        {
            o.AutoThrottle = true;
            o.MinDelayMilliseconds = 100;
            o.StartDelayMilliseconds = 100;
        });

        hosts.Observe(Page, Result(200) with { Latency = TimeSpan.FromSeconds(3) });

        Assert.Equal(TimeSpan.FromSeconds(3), hosts.Gate(Page.Host).Delay);
        (await hosts.EnterAsync(Page, Ct)).Dispose();
        var second = hosts.EnterAsync(Page, Ct);
        _clock.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        (await second.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Dispose();
    }

    [Fact]
    public async Task Enter_LetsAnExemptHostPass_WithoutWaiting()
    {
        using var hosts = Hosts(o => o.MinDelayMilliseconds = 60_000, "sample.crawler.test");
        var own = new Uri("http://sample.crawler.test/i/1.jpg");

        var entered = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            var slot = hosts.EnterAsync(own, Ct);
            entered.Add(slot.IsCompletedSuccessfully);
            (await slot).Dispose();
        }

        Assert.All(entered, Assert.True);
    }

    private HostPoliteness Hosts(Action<PolitenessOptions>? configure = null, params string[] exemptHosts)
    {
        var options = new PolitenessOptions { MinDelayMilliseconds = 0, StartDelayMilliseconds = 0, AutoThrottle = false };
        configure?.Invoke(options);
        return new HostPoliteness(Options.Create(options), new FixedExemptions(impoliteHosts: exemptHosts), _clock);
    }

    private static ExchangeResult Result(int status, params (string Name, string Value)[] headers) =>
        new(status, null, headers.ToDictionary(h => h.Name, h => h.Value), [], Page, TimeSpan.Zero);
}

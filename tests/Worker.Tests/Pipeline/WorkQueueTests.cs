using Crawler.Worker.Catalog.Work;
using Crawler.Worker.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Worker.Tests.Pipeline;

public sealed class WorkQueueTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddDays(20_000));

    [Fact]
    public async Task Claim_LeasesDueItemsInSortOrder_AndNotTwice()
    {
        using var catalog = await TestCatalog.CreateAsync();
        var queue = new WorkQueue(catalog.Db, _time);
        await queue.EnqueueAsync("s", [("b", "2"), ("a", "1"), ("c", "3")]);
        await queue.EnqueueAsync("s", [("later", "0")], _time.GetUtcNow().AddHours(1));

        var first = await queue.ClaimAsync("s", 2, TimeSpan.FromMinutes(5), CancellationToken.None);
        var second = await queue.ClaimAsync("s", 10, TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(["a", "b"], first.Select(i => i.ItemKey));
        Assert.Equal(["c"], second.Select(i => i.ItemKey));
    }

    [Fact]
    public async Task Wake_MakesWaitingItemsDueNow_AndLeavesOthersAlone()
    {
        using var catalog = await TestCatalog.CreateAsync();
        var queue = new WorkQueue(catalog.Db, _time);
        await queue.EnqueueAsync("s", [("waiting", "1"), ("also-waiting", "2")], _time.GetUtcNow().AddMinutes(2));
        await queue.EnqueueAsync("s", [("done", "0")]);
        var done = Assert.Single(await queue.ClaimAsync("s", 1, TimeSpan.FromMinutes(5), CancellationToken.None));
        await queue.CompleteAsync(done, CancellationToken.None);

        await queue.WakeAsync("s", ["waiting", "done", "never-queued"], CancellationToken.None);

        var claimed = await queue.ClaimAsync("s", 10, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(["waiting"], claimed.Select(i => i.ItemKey));
    }

    [Fact]
    public async Task Claim_RetakesAnExpiredLease()
    {
        using var catalog = await TestCatalog.CreateAsync();
        var queue = new WorkQueue(catalog.Db, _time);
        await queue.EnqueueAsync("s", [("a", "")]);
        await queue.ClaimAsync("s", 1, TimeSpan.FromMinutes(5), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.Single(await queue.ClaimAsync("s", 1, TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task Complete_KeepsTheItemPending_WhenItWasReenqueuedWhileLeased()
    {
        using var catalog = await TestCatalog.CreateAsync();
        var queue = new WorkQueue(catalog.Db, _time);
        await queue.EnqueueAsync("s", [("a", "")]);
        var item = (await queue.ClaimAsync("s", 1, TimeSpan.FromMinutes(5), CancellationToken.None)).Single();

        await queue.EnqueueAsync("s", [("a", "")]);
        await queue.CompleteAsync(item, CancellationToken.None);

        Assert.Equal(1, await queue.CountDueAsync("s", CancellationToken.None));
    }

    [Fact]
    public async Task EnqueueIfAbsent_LeavesADoneItemDone_WhileEnqueueReopensIt()
    {
        using var catalog = await TestCatalog.CreateAsync();
        var queue = new WorkQueue(catalog.Db, _time);
        await queue.EnqueueAsync("s", [("a", "")]);
        await queue.CompleteAsync((await queue.ClaimAsync("s", 1, TimeSpan.FromMinutes(5), CancellationToken.None)).Single(), CancellationToken.None);

        await queue.EnqueueIfAbsentAsync("s", [("a", "")]);
        Assert.Equal(0, await queue.CountDueAsync("s", CancellationToken.None));

        await queue.EnqueueAsync("s", [("a", "")]);
        Assert.Equal(1, await queue.CountDueAsync("s", CancellationToken.None));
    }
}

using Crawler.Rewrite.Llm;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Rewrite.Tests.Llm;

public sealed class RequestPacerTests
{
    [Fact]
    public async Task WaitTurnAsync_SpacesStartsEvenly_AndHoldsEveryoneAfterRetryAfter()
    {
        var time = new FakeTimeProvider();
        var pacer = new RequestPacer(time, requestsPerMinute: 30);

        await pacer.WaitTurnAsync(CancellationToken.None);
        var second = pacer.WaitTurnAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await second;

        pacer.HoldUntil(time.GetUtcNow() + TimeSpan.FromSeconds(10));
        var third = pacer.WaitTurnAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await third;
    }
}

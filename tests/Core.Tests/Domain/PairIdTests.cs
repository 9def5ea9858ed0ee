using Crawler.Core.Domain;

namespace Crawler.Core.Tests.Domain;

public sealed class PairIdTests
{
    [Fact]
    public void Of_JoinsSiteThreadReplyAndIndex_InThatOrder()
    {
        var candidate = new PairCandidate("cu5pg2h", 2, "https://i.redd.it/a.jpg", "https://i.redd.it/b.jpg", "editor", 10, false, 1, "", "", null);

        Assert.Equal("reddit:3hahrw:cu5pg2h:2", PairId.Of(new ThreadRef("reddit", "3hahrw"), candidate));
    }
}

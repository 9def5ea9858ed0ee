using Crawler.Core.Domain;

namespace Crawler.Core.Tests.Domain;

public sealed class PairIdTests
{
    [Fact]
    public void Format_JoinsSiteThreadReplyAndIndex_InThatOrder() =>
        Assert.Equal("reddit:3hahrw:cu5pg2h:2", PairId.Format("reddit", "3hahrw", "cu5pg2h", 2));
}

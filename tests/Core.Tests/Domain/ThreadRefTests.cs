using Crawler.Core.Domain;

namespace Crawler.Core.Tests.Domain;

public sealed class ThreadRefTests
{
    [Fact]
    public void Parse_SplitsAtTheFirstColon_SoAnIdMayHoldColons()
    {
        var thread = ThreadRef.Parse("forum:threads/42:page-2");

        Assert.Equal(new ThreadRef("forum", "threads/42:page-2"), thread);
        Assert.Equal("forum:threads/42:page-2", thread.Key);
    }

    [Theory]
    [InlineData("no-colon")]
    [InlineData(":id-without-site")]
    public void Parse_Throws_WhenTheKeyHasNoSite(string key)
    {
        var error = Assert.Throws<FormatException>(() => ThreadRef.Parse(key));

        Assert.Equal($"Not a thread key: '{key}'", error.Message);
    }
}

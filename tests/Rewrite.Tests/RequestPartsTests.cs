namespace Crawler.Rewrite.Tests;

public sealed class RequestPartsTests
{
    [Fact]
    public void Split_RecoversTitleBodyAndEachClarification_FromTheStoredText()
    {
        var parts = RequestParts.Split("Remove the bin\n\nIt ruins the shot.\n\nThe green one\n\nOn the left, sorry", " Remove the bin ", "It ruins the shot.");

        Assert.Equal(("Remove the bin", "It ruins the shot."), (parts.Title, parts.Body));
        Assert.Equal(["The green one", "On the left, sorry"], parts.Clarifications);
    }

    [Fact]
    public void Split_KeepsTheTextWholeAsTheBody_WhenItDoesNotStartWithTheThread()
    {
        var parts = RequestParts.Split("Remove the bin\n\nedited later", "Remove the trash can", "");

        Assert.Equal(new RequestParts("", "Remove the bin\n\nedited later", []), parts with { Clarifications = [] });
        Assert.Empty(parts.Clarifications);
    }

    [Fact]
    public void Paragraphs_SkipsEmptyParts() =>
        Assert.Equal(["Remove the bin", "left one"], new RequestParts("Remove the bin", "  ", ["left one"]).Paragraphs);
}

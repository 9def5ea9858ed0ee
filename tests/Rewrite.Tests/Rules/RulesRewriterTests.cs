using Crawler.Rewrite.Rules;

namespace Crawler.Rewrite.Tests.Rules;

public sealed class RulesRewriterTests
{
    [Theory]
    [InlineData("Can someone please remove the man in the background? Will tip $5, thanks in advance!!", "Remove the man in the background.")]
    [InlineData("Hi all!\nCould anyone make the sky blue? 🙏", "Make the sky blue.")]
    [InlineData("Please replace the sky with a sunset. Thanks so much!", "Replace the sky with a sunset.")]
    [InlineData("u/helper can you remove my ex from this pic?? https://i.imgur.com/abc.jpg", "Remove the ex from the photo.")]
    public void Rewrite_KeepsTheImperativeCore_WithoutGreetingsThanksMoneyOrLinks(string request, string expected)
    {
        var result = RulesRewriter.Rewrite(request);

        Assert.Equal(expected, result.Instruction);
        Assert.Equal(RewriteStatus.Ok, result.Status);
    }

    [Theory]
    [InlineData("Remove the man in the background", EditTypes.RemoveObject)]
    [InlineData("Change the background to a beach", EditTypes.Background)]
    [InlineData("Remove the trash can on the left", EditTypes.RemoveObject)]
    [InlineData("Add the words HAPPY BIRTHDAY at the top", EditTypes.Text)]
    [InlineData("Restore this old damaged photo of my grandparents", EditTypes.RestoreRepair)]
    [InlineData("Make my teeth whiter", EditTypes.Retouch)]
    public void Rewrite_LabelsTheEditType_ByItsWords(string request, string expected) =>
        Assert.Equal(expected, RulesRewriter.Rewrite(request).EditType);

    [Fact]
    public void Rewrite_SaysNotAnEdit_WhenOnlyThanksAndMoneyRemain()
    {
        var result = RulesRewriter.Rewrite("Thanks everyone!! Paid $10 to the winner.");

        Assert.Equal(RewriteStatus.NotAnEdit, result.Status);
        Assert.Equal("", result.Instruction);
    }

    [Fact]
    public void Rewrite_FlagsRequestsThatCombineSeveralPhotos() =>
        Assert.Equal(RewriteStatus.NeedsMultipleInputs, RulesRewriter.Rewrite("Can someone combine these two photos so we are all in one picture?").Status);
}

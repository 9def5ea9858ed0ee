using Crawler.Rewrite.Rules;

namespace Crawler.Rewrite.Tests.Rules;

public sealed class RulesRewriterTests
{
    [Theory]
    [MemberData(nameof(RequestTable.Cases), MemberType = typeof(RequestTable))]
    public void Rewrite_WritesWhatACarefulPersonWould_ForRealisticRequests(string title, string body, string instruction, string editType, string status)
    {
        var result = RulesRewriter.Rewrite(new RequestParts(title, body, []));

        Assert.Equal((instruction, editType, status), (result.Instruction, result.EditType, result.Status));
    }

    [Fact]
    public void Rewrite_SaysOnce_WhatTheTitleAndBodyBothAsk()
    {
        var result = RulesRewriter.Rewrite(new RequestParts("Remove the orange box", "Remove the orange box on the left.", []));

        Assert.Equal("Remove the orange box on the left.", result.Instruction);
    }

    [Fact]
    public void Rewrite_UsesTheClarifyingReplies_WhenTheBodyAsksNothing()
    {
        var result = RulesRewriter.Rewrite(new RequestParts("Help with my wedding photo", "It was a windy day.", ["Sorry! I meant remove the bin behind us"]));

        Assert.Equal(("Remove the bin behind the people.", RewriteStatus.Ok), (result.Instruction, result.Status));
    }

    [Fact]
    public void Rewrite_GivesAReason_ForEveryStatusButOk()
    {
        Assert.Null(RulesRewriter.Rewrite(new RequestParts("", "Remove the dog", [])).Reason);
        Assert.Equal("no request text left after removing greetings, thanks and money",
            RulesRewriter.Rewrite(new RequestParts("", "Thanks!! $5 sent", [])).Reason);
        Assert.Equal("a question, not an edit request", RulesRewriter.Rewrite(new RequestParts("", "How did you do this?", [])).Reason);
        Assert.Equal("the request leaves the edit open", RulesRewriter.Rewrite(new RequestParts("", "Do your magic", [])).Reason);
        Assert.Equal("no edit verb in the request", RulesRewriter.Rewrite(new RequestParts("My dog", "He is a good boy.", [])).Reason);
        Assert.Equal("the request needs another photo besides the original",
            RulesRewriter.Rewrite(new RequestParts("", "Combine these two photos", [])).Reason);
    }

    [Fact]
    public void Rewrite_KeepsTwoSentencesAtMost()
    {
        var result = RulesRewriter.Rewrite(new RequestParts("", "Remove the car. Add a tree. Brighten the sky.", []));

        Assert.Equal("Remove the car. Add a tree.", result.Instruction);
    }

    [Fact]
    public async Task RewriteAsync_SaysRulesAndLooksAtNoImage()
    {
        var rewriter = new RulesRewriter();

        var result = await rewriter.RewriteAsync(new RewriteInput(new RequestParts("", "Remove the dog please", []), "Done!"), CancellationToken.None);

        Assert.Equal(("rules", false, "Remove the dog."), (rewriter.Model, rewriter.SeesImages, result.Instruction));
    }
}

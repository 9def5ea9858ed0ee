using Crawler.Rewrite.Llm;

namespace Crawler.Rewrite.Tests.Llm;

public sealed class RewriteAnswerTests
{
    [Theory]
    [InlineData("""{"instruction":"Add a hat.","edit_type":"add_object","status":"ok","reason":""}""")]
    [InlineData("Here you go:\n```json\n{\"instruction\":\"Add a hat.\",\"edit_type\":\"add_object\",\"status\":\"ok\",\"reason\":\"\"}\n```")]
    [InlineData("<think>A hat appeared. {not json}</think>{\"instruction\":\" Add a hat. \",\"edit_type\":\"add_object\",\"status\":\"ok\",\"reason\":null}")]
    public void Parse_ReadsTheObject_AroundWhatServersWrapItIn(string content) =>
        Assert.Equal((new RewriteResult("Add a hat.", EditTypes.AddObject, RewriteStatus.Ok, null), (string?)null), RewriteAnswer.Parse(content));

    [Theory]
    [InlineData("", "the answer is empty")]
    [InlineData("[1, 2]", "the answer holds no JSON object")]
    [InlineData("""{"instruction":"Add a hat.","edit_type":"add_object","status":"ok"}""", "\"reason\" must be a string")]
    [InlineData("""{"instruction":"","edit_type":"add_object","status":"ok","reason":""}""", "\"instruction\" is empty although \"status\" is ok")]
    [InlineData("""{"instruction":"","edit_type":"other","status":"failed","reason":""}""", "\"status\" is \"failed\", not one of ok, not_an_edit, ambiguous, needs_multiple_inputs")]
    [InlineData("""{"instruction":"Add a hat.","edit_type":"add_object","status":"ok","reason":"",}""", "the answer is not valid JSON: ")]
    public void Parse_SaysWhatIsWrong_SoTheModelCanFixIt(string content, string error) =>
        Assert.StartsWith(error, RewriteAnswer.Parse(content).Error, StringComparison.Ordinal);

    [Fact]
    public void Parse_KeepsTheReason_OfARequestThatIsNotAnEdit() =>
        Assert.Equal(new RewriteResult("", EditTypes.Other, RewriteStatus.NotAnEdit, "The requester asks which app to use."),
            RewriteAnswer.Parse("""{"instruction":"","edit_type":"other","status":"not_an_edit","reason":"The requester asks which app to use."}""").Result);
}

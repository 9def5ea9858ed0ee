using System.Text;
using Crawler.Parsers.Html;

namespace Crawler.Parsers.Tests.Html;

public sealed class HtmlNestingTests
{
    [Theory]
    [InlineData("<div><div><div>", 3)]
    [InlineData("<div><div></div><div></div></div>", 2)]
    [InlineData("<div><span><b>x</div><div>", 3)]
    [InlineData("<p>a<p>b<li>c<li>d<td>e<tr><option>f", 0)]
    [InlineData("<div><br><img src=x><hr/><input>", 1)]
    [InlineData("<svg><g/><path d='M0 0'/><g/></svg><div>", 1)]
    [InlineData("<div/><div/><div/>", 3)]
    [InlineData("<script>if (a < b) { x = '<div><div><div>'; }</script><div>", 1)]
    [InlineData("<style>a > b { }</style><!-- <div><div> --><div>", 1)]
    [InlineData("<a title='x > y' href=\"<div>\"><div>", 2)]
    [InlineData("<b><div></b><b><div></b>", 4)]
    [InlineData("<b><i>x</i></b><div>", 2)]
    [InlineData("a < b and 1 <2 and <!DOCTYPE html><?xml x?><div>", 1)]
    public void FirstBeyond_CountsWhatTheTreeBuilderLeavesOpen(string html, int depth)
    {
        var bytes = Encoding.UTF8.GetBytes(html);

        Assert.Null(HtmlNesting.FirstBeyond(bytes, depth));
        if (depth > 0)
        {
            Assert.NotNull(HtmlNesting.FirstBeyond(bytes, depth - 1));
        }
    }

    [Fact]
    public void FirstBeyond_ReadsUtf16PagesToo()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<div><div><div>")).ToArray();

        Assert.Equal((null, 10), (HtmlNesting.FirstBeyond(bytes, 3), HtmlNesting.FirstBeyond(bytes, 2)));
    }
}

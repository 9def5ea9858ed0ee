using Crawler.TestSupport;
using Crawler.Worker.Pipeline.Sites;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Tests.Sites;

public sealed class SiteFilesTests
{
    [Theory]
    [InlineData("xenforo", "xenforo2.json")]
    [InlineData("vbulletin", "vbulletin4.json")]
    [InlineData("photoshopgurus", "photoshopgurus.json")]
    public void Find_ReadsAShortNameAsAFileInTheSitesFolder(string site, string file)
    {
        Assert.Equal(Path.Combine(SiteFiles.DefaultFolder, file), SiteFiles.Find(site, SiteFiles.DefaultFolder));
    }

    [Theory]
    [InlineData("../sources")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("sub/xenforo2")]
    [InlineData("")]
    [InlineData("no-such-forum")]
    public void Find_BuildsNoOtherPathFromAName_AndFindsNothingForAMissingOne(string site)
    {
        Assert.Null(SiteFiles.Find(site, SiteFiles.DefaultFolder));
    }

    [Fact]
    public void Problems_NameTheMissingSiteFile_AndEachProblemOfABrokenOne_AsSiteLines()
    {
        using var dir = new TempDir();
        var broken = Path.Combine(dir.Path, "broken.json");
        File.WriteAllText(broken, """{ "threadPath": "threads/", "colour": "red" }""");
        var files = new SiteFiles();

        Assert.Equal(["Site: a 'forum' source names its site file (a name in " + SiteFiles.DefaultFolder + ", or a path)."],
            files.Problems(new SourceOptions { Adapter = "forum" }));
        Assert.Equal([$"Site: no site file 'nowhere' in {SiteFiles.DefaultFolder}"], files.Problems(new SourceOptions { Adapter = "forum", Site = "nowhere" }));
        var lines = files.Problems(new SourceOptions { Adapter = "forum", Site = broken }).ToList();
        Assert.Contains("Site: broken.json: colour: unknown key", lines);
        Assert.Contains(lines, l => l.StartsWith("Site: broken.json: threadPath: ", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.StartsWith("Site: broken.json: ", l, StringComparison.Ordinal));
        Assert.Empty(files.Problems(new SourceOptions { Adapter = "forum", Site = "xenforo" }));
    }
}

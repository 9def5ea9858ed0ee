using Crawler.Parsers.Forums;
using Crawler.TestSupport;

namespace Crawler.Parsers.Tests.Forums;

/// <summary>Loading site files: presets, and one "file: key: problem" line per problem.</summary>
public sealed class SiteFileTests
{
    [Theory]
    [InlineData("xenforo2")]
    [InlineData("vbulletin4")]
    [InlineData("photoshopgurus")]
    [InlineData("zhopped")]
    public void Load_ShippedSiteFile_IsValid_AndNamedAfterItsFile(string name)
    {
        var site = ForumSites.Load(name);

        Assert.Equal(name, site.Name);
    }

    [Fact]
    public void Load_PresetChild_InheritsThePresetsKeys_AndOverridesItsOwn()
    {
        var site = ForumSites.Load("photoshopgurus");

        Assert.Equal("threads/{id}/", site.ThreadPath);
        Assert.Equal(new Uri("https://www.photoshopgurus.com/forum/"), site.BaseUrl);
        Assert.Contains("listingPath", site.Inferred);
    }

    [Fact]
    public void Load_Zhopped_NamesEveryKeyItGuessed()
    {
        var site = ForumSites.Load("zhopped");

        Assert.Contains("post", site.Inferred);
        Assert.Contains("postBody", site.Inferred);
        Assert.False(string.IsNullOrWhiteSpace(site.Notes));
    }

    [Fact]
    public void Load_NameKey_OverridesTheFileName()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(ForumSites.Shipped, "xenforo2.json"), Path.Combine(dir.Path, "xenforo2.json"));
        var path = Write(dir, "mine.json", """{ "extends": "xenforo2", "name": "example-gurus" }""");

        Assert.Equal("example-gurus", ForumSite.Load(path).Name);
    }

    [Theory]
    [InlineData("""{ "extends": "xenforo2", "postBdy": ".x" }""", "site.json: postBdy: unknown key")]
    [InlineData("""{ "extends": "xenforo2", "post": "article[data-author" }""", "site.json: post: selector 'article[data-author' does not parse")]
    [InlineData("""{ "extends": "xenforo2", "nextPage": 3 }""", "site.json: nextPage: must be a string, not a number")]
    [InlineData("""{ "extends": "nosuch" }""", "site.json: extends: no preset 'nosuch' (nosuch.json) in the same folder")]
    [InlineData("""{ "extends": "xenforo2", "threadPath": "threads/{slug}/" }""", "site.json: threadPath: bad URL template 'threads/{slug}/': unknown placeholder {slug} (allowed: {id})")]
    [InlineData("""{ "extends": "xenforo2", "listingPath": "/forums/{board}/" }""", "site.json: listingPath: bad URL template '/forums/{board}/': must be relative to the base URL (no leading '/', no scheme)")]
    [InlineData("""{ "extends": "xenforo2", "threadIdPattern": "threads/(\\d+)" }""", "site.json: threadIdPattern: pattern 'threads/(\\d+)' has no named group 'id' (write (?<id>...))")]
    public void Load_BadKey_GivesExactlyOneLineNamingFileAndKey(string json, string expected)
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(ForumSites.Shipped, "xenforo2.json"), Path.Combine(dir.Path, "xenforo2.json"));
        var path = Write(dir, "site.json", json);

        var error = Assert.Throws<SiteFileException>(() => ForumSite.Load(path));

        Assert.Equal([expected], error.Errors);
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Load_MissingRequiredKey_GivesOneLineNamingIt()
    {
        using var dir = new TempDir();
        var xenforo = File.ReadAllText(Path.Combine(ForumSites.Shipped, "xenforo2.json"));
        var path = Write(dir, "bare.json", xenforo.Replace("\"postBody\": \".message-userContent .bbWrapper\",", "", StringComparison.Ordinal));

        var error = Assert.Throws<SiteFileException>(() => ForumSite.Load(path));

        Assert.Equal(["bare.json: postBody: missing (required)"], error.Errors);
    }

    [Fact]
    public void Load_ExtendsCycle_GivesOneLineShowingTheCycle()
    {
        using var dir = new TempDir();
        Write(dir, "a.json", """{ "extends": "b" }""");
        Write(dir, "b.json", """{ "extends": "a" }""");

        var error = Assert.Throws<SiteFileException>(() => ForumSite.Load(Path.Combine(dir.Path, "a.json")));

        Assert.Equal(["b.json: extends: cycle a.json -> b.json -> a.json"], error.Errors);
    }

    [Fact]
    public void Load_SeveralProblems_ListsEachOnItsOwnLine()
    {
        using var dir = new TempDir();
        File.Copy(Path.Combine(ForumSites.Shipped, "xenforo2.json"), Path.Combine(dir.Path, "xenforo2.json"));
        var path = Write(dir, "site.json", """{ "extends": "xenforo2", "colour": "red", "quote": ">>" }""");

        var error = Assert.Throws<SiteFileException>(() => ForumSite.Load(path));

        Assert.Equal(2, error.Errors.Count);
        Assert.Equal(error.Errors, error.Message.Split('\n'));
    }

    private static string Write(TempDir dir, string name, string json)
    {
        var path = Path.Combine(dir.Path, name);
        File.WriteAllText(path, json);
        return path;
    }
}

using Crawler.Parsers.Forums;
using Crawler.TestSupport;

namespace Crawler.Parsers.Tests.Forums;

/// <summary>The site files the service ships (config/sites/) and the tests' own, loaded as the service loads them.</summary>
internal static class ForumSites
{
    public static string Shipped => Path.Combine(RepoPaths.Root, "config", "sites");

    public static ForumSite Load(string name) => ForumSite.Load(Path.Combine(Shipped, name + ".json"));

    public static ForumSite LoadTestSite(string name) =>
        ForumSite.Load(Path.Combine(RepoPaths.Root, "tests", "Parsers.Tests", "Forums", "Sites", name + ".json"));

    public static ForumPageParser Parser(string name) => new(Load(name));

    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "Parsers.Tests", "Forums", "Fixtures", name));
}

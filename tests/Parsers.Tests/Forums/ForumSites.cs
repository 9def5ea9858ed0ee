using Crawler.Parsers.Forums;
using Crawler.TestSupport;

namespace Crawler.Parsers.Tests.Forums;

/// <summary>The site files the service ships (config/sites/) and the tests' own, loaded as the service loads them.</summary>
internal static class ForumSites
{
    public static string Shipped => Path.Combine(RepoPaths.Root, "config", "sites");

    public static ForumSite Load(string name) => ForumSite.Load(Path.Combine(Shipped, name + ".json"));

    /// <summary>A test-only site file, loaded beside the shipped presets it extends (presets are looked up in the file's folder).</summary>
    public static ForumSite LoadTestSite(string name)
    {
        using var dir = new TempDir();
        foreach (var preset in Directory.GetFiles(Shipped, "*.json"))
        {
            File.Copy(preset, Path.Combine(dir.Path, Path.GetFileName(preset)));
        }
        var path = Path.Combine(dir.Path, name + ".json");
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "Parsers.Tests", "Forums", "Sites", name + ".json"), path);
        return ForumSite.Load(path);
    }

    public static ForumPageParser Parser(string name) => new(Load(name));

    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "Parsers.Tests", "Forums", "Fixtures", name));
}

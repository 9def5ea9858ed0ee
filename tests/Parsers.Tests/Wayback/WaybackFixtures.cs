namespace Crawler.Parsers.Tests.Wayback;

/// <summary>The CDX answers in Wayback/Fixtures (see its README.md), as bytes.</summary>
internal static class WaybackFixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Wayback", "Fixtures", name));
}

using Xunit;

namespace Crawler.TestSupport;

/// <summary>
/// The real pages and API responses in <c>../shared/fixtures</c>, beside the checkout (CI has them). A
/// user who cloned the project alone does not: tests over them report themselves skipped, saying why.
/// </summary>
public static class SharedFixtures
{
    public const string Variable = "CRAWLER_SHARED_FIXTURES";

    public static string Root { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given
            ? given
            : Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "fixtures"));

    /// <summary>The path of a shared fixture; skips the calling test when it is not there.</summary>
    public static string PathOf(params string[] parts) => Require(Path.Combine([Root, .. parts]));

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(PathOf(parts));

    private static string Require(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"shared fixture {path} is absent (clone the project beside ../shared, or set {Variable})");
        }
        return path;
    }
}

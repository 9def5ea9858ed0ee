namespace Crawler.TestSupport;

/// <summary>Locations in the repository checkout the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding <c>Crawler.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, whichever the tests were built as.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The service executable's entry assembly, built beside the tests.</summary>
    public static string CrawlerDll => Path.Combine(Root, "src", "Worker", "bin", Configuration, "net10.0", "crawler.dll");

    /// <summary>A test's own fixture file: <c>tests/&lt;Project&gt;/Fixtures/...</c>, copied to the output folder.</summary>
    public static string OwnFixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crawler.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Crawler.sln above {AppContext.BaseDirectory}");
    }
}

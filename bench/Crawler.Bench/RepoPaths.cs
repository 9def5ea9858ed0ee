namespace Crawler.Bench;

/// <summary>The checkout the benchmark was built in.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

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

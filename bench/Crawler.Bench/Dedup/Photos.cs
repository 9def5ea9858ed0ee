namespace Crawler.Bench.Dedup;

/// <summary>The real photos the dedup benchmarks read: the shared fixtures beside the checkout.</summary>
internal static class Photos
{
    public static string DefaultFolder => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "fixtures", "images", "opencv-samples"));

    public static IReadOnlyList<byte[]> Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"no photos at {folder} (clone the project beside ../shared, or pass --photos DIR)");
        }
        return [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }
}

using Crawler.TestSupport;

namespace Crawler.EndToEnd.Tests;

/// <summary>Runs <c>crawler demo</c> and reads its snapshot back with DuckDB.</summary>
internal static class DemoSnapshot
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(300);

    /// <summary>A fixed salt, so user-name hashes are comparable between runs in different data directories.</summary>
    public static readonly IReadOnlyDictionary<string, string> FixedSalt = new Dictionary<string, string> { ["CRAWLER_USER_HASH_SALT"] = "end-to-end-tests" };

    public static async Task<string> RunAsync(string dataDir, int threads)
    {
        var process = await CrawlerProcess.RunAsync(["demo", "--data-dir", dataDir, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture)], Timeout, FixedSalt);
        Assert.True(process.ExitCode == 0, $"demo exited with {process.ExitCode}. stderr:\n{process.Stderr}");
        return process.Stdout.TrimEnd().Split('\n')[^1].Trim();
    }

    /// <summary>Every column of every row except the image bytes (their hashes are columns), ordered by id.</summary>
    public static List<Dictionary<string, object?>> Contents(string snapshot) => Duck.Query($"""
        SELECT * EXCLUDE (source_image, target_image), source_image.path AS source_path, target_image.path AS target_path
        FROM read_parquet({Duck.Literal(Path.Combine(snapshot, "data", "*.parquet"))}) ORDER BY id
        """);
}

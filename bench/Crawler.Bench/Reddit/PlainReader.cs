using System.Text.Json;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Crawler.Bench.Reddit;

/// <summary>
/// The reader a user would write for the same job: ZstdSharp's stream (allowed Pushshift's 2 GiB window, as
/// it must be), a <see cref="StreamReader"/> line by line, a <see cref="JsonDocument"/> per line, and the
/// same subreddit filter (ignoring case, as <c>import-dump</c> does). It only counts what it finds.
/// </summary>
internal static class PlainReader
{
    public static long Count(IEnumerable<string> dumps, string community)
    {
        long found = 0;
        foreach (var dump in dumps)
        {
            using var file = File.OpenRead(dump);
            using var zstd = new DecompressionStream(file);
            zstd.SetParameter(ZSTD_dParameter.ZSTD_d_windowLogMax, 31);
            using var lines = new StreamReader(zstd);
            while (lines.ReadLine() is { } line)
            {
                using var thing = JsonDocument.Parse(line);
                if (thing.RootElement.TryGetProperty("subreddit", out var subreddit)
                    && string.Equals(subreddit.GetString(), community, StringComparison.OrdinalIgnoreCase))
                {
                    found++;
                }
            }
        }
        return found;
    }
}

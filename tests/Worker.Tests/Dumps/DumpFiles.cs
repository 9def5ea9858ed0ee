using Crawler.Parsers.Reddit;
using Crawler.TestSupport;
using Crawler.Worker.Sources;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Crawler.Worker.Tests.Dumps;

/// <summary>Dump files as Pushshift writes them: ndjson compressed with zstd <c>--long=31</c> (a 2 GiB window).</summary>
internal static class DumpFiles
{
    /// <summary>The disabled Reddit source the test dumps are imported under (a fresh copy each time).</summary>
    public static SourceOptions ImportSource => new()
    {
        Name = "reddit-psr",
        Adapter = RedditJsonParser.FormatName,
        BaseUrl = "https://oauth.reddit.com/",
        Communities = ["PhotoshopRequest"],
        Enabled = false,
    };

    public static string Compress(string ndjsonPath, TempDir dir)
    {
        var target = dir.Combine(Path.GetFileName(ndjsonPath) + ".zst");
        using var output = File.Create(target);
        using var zstd = new CompressionStream(output, level: 3);
        zstd.SetParameter(ZSTD_cParameter.ZSTD_c_windowLog, 31);
        zstd.SetParameter(ZSTD_cParameter.ZSTD_c_enableLongDistanceMatching, 1);
        using var input = File.OpenRead(ndjsonPath);
        input.CopyTo(zstd);
        return target;
    }

    public static string Own(string name) => RepoPaths.OwnFixture("reddit-dumps", name);
}

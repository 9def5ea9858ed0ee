using ZstdSharp;

namespace Crawler.Worker.Blobs;

/// <summary>Raw pages are kept zstd-compressed, so parsers can be improved and re-run without crawling again.</summary>
public static class PageCompression
{
    public const string Encoding = "zstd";

    public static byte[] Compress(ReadOnlySpan<byte> page)
    {
        using var compressor = new Compressor(level: 9);
        return compressor.Wrap(page).ToArray();
    }

    public static byte[] Decompress(ReadOnlySpan<byte> stored)
    {
        using var decompressor = new Decompressor();
        return decompressor.Unwrap(stored).ToArray();
    }
}

namespace Crawler.Worker.Catalog.Stores;

/// <summary>The catalog stores times as Unix milliseconds.</summary>
internal static class CatalogTime
{
    public static long Now(this TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds();
}

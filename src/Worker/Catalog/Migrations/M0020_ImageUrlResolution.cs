namespace Crawler.Worker.Catalog.Migrations;

/// <summary>
/// What an image URL resolved to: the URL actually downloaded (an imgur album's first image, a still of a
/// gifv), and the album's other images, which the row records but does not fetch.
/// </summary>
internal static class M0020_ImageUrlResolution
{
    public static Migration Migration { get; } = new(20, "image url resolution", """
        ALTER TABLE image_urls ADD COLUMN resolved_url TEXT;
        ALTER TABLE image_urls ADD COLUMN album_images TEXT;
        CREATE INDEX image_urls_resolved ON image_urls (resolved_url);
        """);
}

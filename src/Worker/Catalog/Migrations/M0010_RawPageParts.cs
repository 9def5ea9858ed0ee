namespace Crawler.Worker.Catalog.Migrations;

/// <summary>
/// Raw pages gain the time they were last parsed (so a fetch interrupted before queueing its parse is noticed
/// on retry) and parts: the <c>/api/morechildren</c> answers that complete a thread's comments page.
/// </summary>
internal static class M0010_RawPageParts
{
    public static Migration Migration { get; } = new(10, "raw page parts and parse marker", """
        ALTER TABLE raw_pages ADD COLUMN parsed_at INTEGER;
        UPDATE raw_pages SET parsed_at = fetched_at;
        CREATE INDEX raw_pages_blob ON raw_pages (blob_sha256);

        CREATE TABLE raw_page_parts (
            site TEXT NOT NULL,
            thread_id TEXT NOT NULL,
            part INTEGER NOT NULL,
            blob_sha256 TEXT NOT NULL,
            encoding TEXT NOT NULL,
            content_type TEXT,
            fetched_at INTEGER NOT NULL,
            PRIMARY KEY (site, thread_id, part));
        CREATE INDEX raw_page_parts_blob ON raw_page_parts (blob_sha256);
        """);
}

namespace Crawler.Worker.Catalog.Migrations;

/// <summary>
/// Consecutive pages of a source whose layout no longer matched, and the pause that follows too many: a site
/// that changed its markup stops being crawled into empty threads until someone fixes its site file.
/// </summary>
internal static class M0090_SourcePauses
{
    public static Migration Migration { get; } = new(90, "source-pauses", """
        CREATE TABLE source_pauses (
            source TEXT PRIMARY KEY,
            layout_failures INTEGER NOT NULL,
            paused_reason TEXT,
            paused_at INTEGER);
        """);
}

namespace Crawler.Worker.Catalog.Migrations;

/// <summary>
/// How far an archive source (Arctic Shift) has listed each community, oldest first: the newest post seen, by
/// time and id, so a later pass, or one restarted after a crash, goes on from there.
/// </summary>
internal static class M0060_ArchiveCursors
{
    public static Migration Migration { get; } = new(60, "archive cursors", """
        CREATE TABLE archive_cursors (
            source TEXT NOT NULL,
            community TEXT NOT NULL,
            created_utc INTEGER NOT NULL,
            thread_id TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (source, community));
        """);
}

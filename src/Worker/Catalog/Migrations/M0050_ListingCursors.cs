namespace Crawler.Worker.Catalog.Migrations;

/// <summary>
/// Listing pages a discovery pass has yet to read, by the cursor that reaches them (Reddit's <c>after</c>), so
/// a pass cut short by a 429 or a crash resumes there rather than stopping at the first page it knows.
/// </summary>
internal static class M0050_ListingCursors
{
    public static Migration Migration { get; } = new(50, "listing cursors", """
        CREATE TABLE listing_cursors (
            source TEXT NOT NULL,
            community TEXT NOT NULL,
            cursor TEXT NOT NULL,
            added_at INTEGER NOT NULL,
            PRIMARY KEY (source, community, cursor));
        """);
}

namespace Crawler.Worker.Catalog.Migrations;

/// <summary>
/// Export bookkeeping: how each downloaded image was cleaned for export (so an image is re-encoded once,
/// not at every snapshot), and the lines of the deletions file that could not be imported, with why.
/// The previous snapshot's ids are now read from the snapshot itself, so <c>exported_ids</c> goes.
/// </summary>
internal static class M0040_ExportImagesAndDeletionErrors
{
    public static Migration Migration { get; } = new(40, "export images and deletion import errors", """
        CREATE TABLE export_images (
            download_sha256 TEXT PRIMARY KEY,
            cleaner TEXT NOT NULL,
            treatment TEXT NOT NULL,
            reason TEXT NOT NULL,
            exported_sha256 TEXT,
            format TEXT,
            width INTEGER,
            height INTEGER,
            bytes INTEGER,
            updated_at INTEGER NOT NULL);

        CREATE TABLE deletion_import_errors (
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            text TEXT NOT NULL,
            reason TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (file, line));

        DROP TABLE exported_ids;
        """);
}

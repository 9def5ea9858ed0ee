using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>The record of how each downloaded image was cleaned for export (see <see cref="ExportImageRow"/>).</summary>
public sealed class ExportImageStore(ICatalogDb db, TimeProvider time)
{
    public async Task<ExportImageRow?> GetAsync(string downloadSha256, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ExportImageRow>(
            "SELECT * FROM export_images WHERE download_sha256 = @downloadSha256", new { downloadSha256 });
    }

    public async Task RecordAsync(ExportImageRow row, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO export_images (download_sha256, cleaner, treatment, reason, exported_sha256, format, width, height, bytes, updated_at)
            VALUES (@DownloadSha256, @Cleaner, @Treatment, @Reason, @ExportedSha256, @Format, @Width, @Height, @Bytes, @now)
            ON CONFLICT (download_sha256) DO UPDATE SET cleaner = excluded.cleaner, treatment = excluded.treatment, reason = excluded.reason,
                exported_sha256 = excluded.exported_sha256, format = excluded.format, width = excluded.width, height = excluded.height,
                bytes = excluded.bytes, updated_at = excluded.updated_at
            """, new { row.DownloadSha256, row.Cleaner, row.Treatment, row.Reason, row.ExportedSha256, row.Format, row.Width, row.Height, row.Bytes, now = time.Now() });
    }
}

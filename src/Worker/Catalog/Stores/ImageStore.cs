using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>Image URLs and the images (by SHA-256) they resolved to.</summary>
public sealed class ImageStore(ICatalogDb db, TimeProvider time)
{
    public const string Pending = "pending";
    public const string Ok = "ok";
    public const string Failed = "failed";

    public async Task AddUrlsAsync(IEnumerable<string> urls, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(
            "INSERT INTO image_urls (url, status) VALUES (@url, 'pending') ON CONFLICT (url) DO NOTHING",
            urls.Distinct().Select(url => new { url }), transaction);
        await transaction.CommitAsync(ct);
    }

    public async Task<ImageUrlRow?> GetUrlAsync(string url, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ImageUrlRow>("SELECT * FROM image_urls WHERE url = @url", new { url });
    }

    /// <summary>Records an image downloaded from <paramref name="url"/> itself, with no resolution in between.</summary>
    public Task RecordFetchedAsync(string url, ImageRow image, int httpStatus, string? etag, string? lastModified, CancellationToken ct) =>
        RecordFetchedAsync(url, image, new UrlFetch(httpStatus, etag, lastModified, url, []), ct);

    /// <summary>Records a downloaded and decoded image and the URL it came from, together.</summary>
    public async Task RecordFetchedAsync(string url, ImageRow image, UrlFetch fetch, CancellationToken ct)
    {
        var now = time.Now();
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO images (sha256, format, width, height, orientation, frames, bytes, status, reason, created_at)
            VALUES (@Sha256, @Format, @Width, @Height, @Orientation, @Frames, @Bytes, @Status, @Reason, @now)
            ON CONFLICT (sha256) DO UPDATE SET status = excluded.status, reason = excluded.reason
            """, new { image.Sha256, image.Format, image.Width, image.Height, image.Orientation, image.Frames, image.Bytes, image.Status, image.Reason, now }, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO image_urls (url, status, sha256, reason, http_status, etag, last_modified, resolved_url, album_images, fetched_at)
            VALUES (@url, @status, @sha, @reason, @HttpStatus, @ETag, @LastModified, @ResolvedUrl, @albums, @now)
            ON CONFLICT (url) DO UPDATE SET status = excluded.status, sha256 = excluded.sha256, reason = excluded.reason,
                http_status = excluded.http_status, etag = excluded.etag, last_modified = excluded.last_modified,
                resolved_url = excluded.resolved_url, album_images = excluded.album_images, fetched_at = excluded.fetched_at
            """, new
            {
                url,
                status = image.Status == Ok ? Ok : Failed,
                sha = image.Sha256,
                reason = image.Reason,
                fetch.HttpStatus,
                fetch.ETag,
                fetch.LastModified,
                fetch.ResolvedUrl,
                albums = AlbumJson(fetch.AlbumImages),
                now,
            }, transaction);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Records that <paramref name="url"/> gave bytes already known as <paramref name="sha256"/>: the URL takes
    /// that image's status and reason, and nothing is decoded or stored again.
    /// </summary>
    public async Task RecordUrlOfImageAsync(string url, string sha256, UrlFetch fetch, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO image_urls (url, status, sha256, reason, http_status, etag, last_modified, resolved_url, album_images, fetched_at)
            SELECT @url, CASE WHEN i.status = 'ok' THEN 'ok' ELSE 'failed' END, i.sha256, i.reason, @HttpStatus, @ETag, @LastModified,
                @ResolvedUrl, @albums, @now
            FROM images i WHERE i.sha256 = @sha256
            ON CONFLICT (url) DO UPDATE SET status = excluded.status, sha256 = excluded.sha256, reason = excluded.reason,
                http_status = excluded.http_status, etag = excluded.etag, last_modified = excluded.last_modified,
                resolved_url = excluded.resolved_url, album_images = excluded.album_images, fetched_at = excluded.fetched_at
            """, new { url, sha256, fetch.HttpStatus, fetch.ETag, fetch.LastModified, fetch.ResolvedUrl, albums = AlbumJson(fetch.AlbumImages), now = time.Now() });
    }

    /// <summary>An image already downloaded from <paramref name="resolvedUrl"/> for another URL, if any.</summary>
    public async Task<ImageUrlRow?> FindByResolvedUrlAsync(string resolvedUrl, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<ImageUrlRow>(
            "SELECT * FROM image_urls WHERE (resolved_url = @resolvedUrl OR url = @resolvedUrl) AND sha256 IS NOT NULL", new { resolvedUrl });
    }

    /// <summary>Keeps the URL pending (it will be retried) but says on its row why the last try failed.</summary>
    public async Task RecordUrlRetryAsync(string url, string reason, int? httpStatus, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO image_urls (url, status, reason, http_status, fetched_at) VALUES (@url, 'pending', @reason, @httpStatus, @now)
            ON CONFLICT (url) DO UPDATE SET reason = excluded.reason, http_status = excluded.http_status, fetched_at = excluded.fetched_at
            WHERE image_urls.status = 'pending'
            """, new { url, reason, httpStatus, now = time.Now() });
    }

    public async Task RecordUrlFailedAsync(string url, string reason, int? httpStatus, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO image_urls (url, status, reason, http_status, fetched_at) VALUES (@url, 'failed', @reason, @httpStatus, @now)
            ON CONFLICT (url) DO UPDATE SET status = 'failed', reason = excluded.reason, http_status = excluded.http_status, fetched_at = excluded.fetched_at
            """, new { url, reason, httpStatus, now = time.Now() });
    }

    public async Task<ImageRow?> GetImageAsync(string sha256, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ImageRow>("SELECT * FROM images WHERE sha256 = @sha256", new { sha256 });
    }

    public async Task RecordImageFailedAsync(string sha256, string reason, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("UPDATE images SET status = 'failed', reason = @reason WHERE sha256 = @sha256", new { sha256, reason });
    }

    private static string? AlbumJson(IReadOnlyList<string> albumImages) => albumImages.Count > 0 ? JsonList.Write(albumImages) : null;
}

using Crawler.Worker.Blobs;
using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>
/// The latest raw page of each thread, compressed in the blob store. Only the latest is kept, so weeks
/// of revisits do not grow the store; a replaced page's blob is deleted.
/// </summary>
public sealed class RawPageStore(ICatalogDb db, BlobStore blobs, TimeProvider time)
{
    /// <summary>Stores the page; returns false when it is byte-identical to the stored one.</summary>
    public async Task<bool> PutAsync(string site, string threadId, byte[] page, string? contentType, CancellationToken ct)
    {
        var sha = await blobs.PutAsync(PageCompression.Compress(page), ct);
        await using var connection = await db.OpenAsync(ct);
        var previous = await connection.ExecuteScalarAsync<string?>(
            "SELECT blob_sha256 FROM raw_pages WHERE site = @site AND thread_id = @threadId", new { site, threadId });
        if (previous == sha)
        {
            return false;
        }
        await connection.ExecuteAsync("""
            INSERT INTO raw_pages (site, thread_id, blob_sha256, encoding, content_type, fetched_at)
            VALUES (@site, @threadId, @sha, @encoding, @contentType, @now)
            ON CONFLICT (site, thread_id) DO UPDATE SET blob_sha256 = excluded.blob_sha256, encoding = excluded.encoding,
                content_type = excluded.content_type, fetched_at = excluded.fetched_at
            """, new { site, threadId, sha, encoding = PageCompression.Encoding, contentType, now = time.Now() });
        if (previous is not null && await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM raw_pages WHERE blob_sha256 = @previous", new { previous }) == 0)
        {
            blobs.Delete(previous);
        }
        return true;
    }

    /// <summary>The stored page, decompressed; null when none was stored.</summary>
    public async Task<byte[]?> GetAsync(string site, string threadId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var sha = await connection.ExecuteScalarAsync<string?>(
            "SELECT blob_sha256 FROM raw_pages WHERE site = @site AND thread_id = @threadId", new { site, threadId });
        return sha is null ? null : PageCompression.Decompress(await blobs.GetAsync(sha, ct));
    }
}

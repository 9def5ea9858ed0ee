using Crawler.Core.Domain;
using System.Data.Common;
using Crawler.Worker.Blobs;
using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>
/// The latest raw page of each thread and its parts, compressed in the blob store. Only the latest version
/// is kept, so weeks of revisits do not grow the store: a replaced or purged version's blobs are deleted
/// unless another row still uses the same bytes.
/// </summary>
public sealed class RawPageStore(ICatalogDb db, BlobStore blobs, TimeProvider time)
{
    /// <summary>
    /// Whether <paramref name="page"/> is byte for byte the stored version; with <paramref name="parts"/> (an
    /// archive's comment pages), whether they are the stored parts too. Reddit's expansions are fetched only for
    /// a changed page, so its callers pass none.
    /// </summary>
    public async Task<bool> IsStoredAsync(ThreadRef thread, byte[] page, IReadOnlyList<byte[]> parts, CancellationToken ct) =>
        await GetAsync(thread, ct) is { } stored && stored.Body.AsSpan().SequenceEqual(page)
            && (parts.Count == 0 || (stored.Parts.Count == parts.Count && stored.Parts.Zip(parts).All(p => p.First.AsSpan().SequenceEqual(p.Second))));

    /// <summary>Replaces the thread's page and parts in one transaction; the new page waits to be parsed.</summary>
    public async Task PutAsync(ThreadRef thread, byte[] page, string? contentType, IReadOnlyList<byte[]> parts, CancellationToken ct)
    {
        var (site, threadId) = thread;
        var pageSha = await blobs.PutAsync(PageCompression.Compress(page), ct);
        var partShas = new List<string>();
        foreach (var part in parts)
        {
            partShas.Add(await blobs.PutAsync(PageCompression.Compress(part), ct));
        }
        var now = time.Now();
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var previous = await BlobsOfAsync(connection, transaction, site, threadId);
        await connection.ExecuteAsync("DELETE FROM raw_page_parts WHERE site = @site AND thread_id = @threadId", new { site, threadId }, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO raw_page_parts (site, thread_id, part, blob_sha256, encoding, content_type, fetched_at)
            VALUES (@site, @threadId, @part, @sha, @encoding, 'application/json', @now)
            """, partShas.Select((sha, part) => new { site, threadId, part, sha, encoding = PageCompression.Encoding, now }), transaction);
        await connection.ExecuteAsync("""
            INSERT INTO raw_pages (site, thread_id, blob_sha256, encoding, content_type, fetched_at, parsed_at)
            VALUES (@site, @threadId, @pageSha, @encoding, @contentType, @now, NULL)
            ON CONFLICT (site, thread_id) DO UPDATE SET blob_sha256 = excluded.blob_sha256, encoding = excluded.encoding,
                content_type = excluded.content_type, fetched_at = excluded.fetched_at, parsed_at = NULL
            """, new { site, threadId, pageSha, encoding = PageCompression.Encoding, contentType, now }, transaction);
        await transaction.CommitAsync(ct);
        await DeleteUnreferencedAsync(connection, previous);
    }

    /// <summary>The stored page and parts, decompressed; null when none was stored.</summary>
    public async Task<RawPage?> GetAsync(ThreadRef thread, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        var sha = await connection.ExecuteScalarAsync<string?>(
            "SELECT blob_sha256 FROM raw_pages WHERE site = @site AND thread_id = @threadId", new { site, threadId });
        if (sha is null)
        {
            return null;
        }
        var partShas = await connection.QueryAsync<string>(
            "SELECT blob_sha256 FROM raw_page_parts WHERE site = @site AND thread_id = @threadId ORDER BY part", new { site, threadId });
        var parts = new List<byte[]>();
        foreach (var partSha in partShas)
        {
            parts.Add(PageCompression.Decompress(await blobs.GetAsync(partSha, ct)));
        }
        return new RawPage(sha, PageCompression.Decompress(await blobs.GetAsync(sha, ct)), parts);
    }

    /// <summary>
    /// The threads with a stored page, with their post time (0 when never parsed): on <paramref name="site"/> when
    /// given, fetched at or after <paramref name="since"/> when given.
    /// </summary>
    public async Task<IReadOnlyList<(ThreadRef Thread, long CreatedUtc)>> StoredAsync(string? site, DateTimeOffset? since, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Site, string ThreadId, long CreatedUtc)>("""
            SELECT r.site, r.thread_id, COALESCE(t.created_utc, 0)
            FROM raw_pages r LEFT JOIN threads t ON t.site = r.site AND t.thread_id = r.thread_id
            WHERE (@site IS NULL OR r.site = @site) AND (@since IS NULL OR r.fetched_at >= @since)
            ORDER BY r.site, r.thread_id
            """, new { site, since = since?.ToUnixTimeMilliseconds() });
        return [.. rows.Select(r => (new ThreadRef(r.Site, r.ThreadId), r.CreatedUtc))];
    }

    /// <summary>True when the stored page has not been parsed since it was stored.</summary>
    public async Task<bool> NeedsParseAsync(ThreadRef thread, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM raw_pages WHERE site = @site AND thread_id = @threadId AND parsed_at IS NULL", new { site, threadId }) > 0;
    }

    /// <summary>Records that version <paramref name="sha256"/> was parsed; a newer version stays unparsed.</summary>
    public async Task MarkParsedAsync(ThreadRef thread, string sha256, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "UPDATE raw_pages SET parsed_at = @now WHERE site = @site AND thread_id = @threadId AND blob_sha256 = @sha256",
            new { site, threadId, sha256, now = time.Now() });
    }

    /// <summary>Removes the thread's page and parts and their bytes (a deleted thread or reply); true when there were any.</summary>
    public async Task<bool> PurgeAsync(ThreadRef thread, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var previous = await BlobsOfAsync(connection, transaction, site, threadId);
        await connection.ExecuteAsync("DELETE FROM raw_page_parts WHERE site = @site AND thread_id = @threadId", new { site, threadId }, transaction);
        await connection.ExecuteAsync("DELETE FROM raw_pages WHERE site = @site AND thread_id = @threadId", new { site, threadId }, transaction);
        await transaction.CommitAsync(ct);
        await DeleteUnreferencedAsync(connection, previous);
        return previous.Count > 0;
    }

    private static async Task<List<string>> BlobsOfAsync(DbConnection connection, DbTransaction transaction, string site, string threadId) =>
        (await connection.QueryAsync<string>("""
            SELECT blob_sha256 FROM raw_pages WHERE site = @site AND thread_id = @threadId
            UNION SELECT blob_sha256 FROM raw_page_parts WHERE site = @site AND thread_id = @threadId
            """, new { site, threadId }, transaction)).ToList();

    private async Task DeleteUnreferencedAsync(DbConnection connection, IEnumerable<string> candidates)
    {
        foreach (var sha in candidates.Distinct())
        {
            var uses = await connection.ExecuteScalarAsync<long>("""
                SELECT (SELECT COUNT(*) FROM raw_pages WHERE blob_sha256 = @sha) + (SELECT COUNT(*) FROM raw_page_parts WHERE blob_sha256 = @sha)
                """, new { sha });
            if (uses == 0)
            {
                blobs.Delete(sha);
            }
        }
    }
}

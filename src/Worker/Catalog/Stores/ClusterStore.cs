using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>
/// Near-duplicate clusters of request originals (reposts of one photo share a cluster). A cluster is named
/// by the hash of its first member, and its owner is the earliest thread posting any member.
/// </summary>
public sealed class ClusterStore(ICatalogDb db)
{
    public async Task<string?> ClusterOfAsync(string sha256, string model, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(
            "SELECT cluster FROM original_clusters WHERE sha256 = @sha256 AND model = @model", new { sha256, model });
    }

    /// <summary>Joins an original to a cluster; the first assignment of an image stands.</summary>
    public async Task<string> AssignAsync(string sha256, string model, string cluster, double similarity, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO original_clusters (sha256, model, cluster, similarity) VALUES (@sha256, @model, @cluster, @similarity)
            ON CONFLICT (sha256, model) DO NOTHING
            """, new { sha256, model, cluster, similarity });
        return await connection.ExecuteScalarAsync<string>(
            "SELECT cluster FROM original_clusters WHERE sha256 = @sha256 AND model = @model", new { sha256, model }) ?? cluster;
    }

    /// <summary>Every clustered original with its vector, for building the in-memory index.</summary>
    public async Task<IReadOnlyList<(string Sha256, string Cluster, byte[] Vector)>> MembersAsync(string model, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string, string, byte[])>("""
            SELECT c.sha256, c.cluster, e.vector FROM original_clusters c
            JOIN embeddings e ON e.sha256 = c.sha256 AND e.model = c.model
            WHERE c.model = @model ORDER BY c.rowid
            """, new { model });
        return rows.ToList();
    }

    /// <summary>The earliest thread (by post time, then id) whose request image is in the cluster.</summary>
    public async Task<string?> OwnerThreadAsync(string cluster, string model, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>("""
            SELECT t.site || ':' || t.thread_id FROM pairs p
            JOIN image_urls u ON u.url = p.source_url
            JOIN original_clusters c ON c.sha256 = u.sha256 AND c.model = @model
            JOIN threads t ON t.site = p.site AND t.thread_id = p.thread_id
            WHERE c.cluster = @cluster
            ORDER BY t.created_utc, t.thread_id
            LIMIT 1
            """, new { cluster, model });
    }
}

using System.Runtime.InteropServices;
using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>One vector per (image, model), stored as little-endian float32 bytes.</summary>
public sealed class EmbeddingStore(ICatalogDb db, TimeProvider time)
{
    public async Task PutAsync(IEnumerable<(string Sha256, float[] Vector)> vectors, string model, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO embeddings (sha256, model, vector, created_at) VALUES (@sha, @model, @vector, @now)
            ON CONFLICT (sha256, model) DO UPDATE SET vector = excluded.vector, created_at = excluded.created_at
            """, vectors.Select(v => new { sha = v.Sha256, model, vector = ToBytes(v.Vector), now = time.Now() }), transaction);
        await transaction.CommitAsync(ct);
    }

    public async Task<float[]?> GetAsync(string sha256, string model, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var bytes = await connection.ExecuteScalarAsync<byte[]?>(
            "SELECT vector FROM embeddings WHERE sha256 = @sha256 AND model = @model", new { sha256, model });
        return bytes is null ? null : FromBytes(bytes);
    }

    internal static byte[] ToBytes(float[] vector) => MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    internal static float[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}

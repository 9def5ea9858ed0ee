using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>Installation-wide values kept in the catalog (the user-name salt, for one).</summary>
public sealed class SettingsStore(ICatalogDb db)
{
    /// <summary>The stored value, or <paramref name="create"/>'s, stored first by whoever gets there first.</summary>
    public async Task<string> GetOrCreateAsync(string key, Func<string> create, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO NOTHING",
            new { key, value = create() });
        return await connection.ExecuteScalarAsync<string>("SELECT value FROM settings WHERE key = @key", new { key })
            ?? throw new InvalidOperationException($"setting {key} vanished");
    }
}

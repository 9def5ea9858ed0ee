using Crawler.Worker.Pipeline;
using Crawler.TestSupport;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog;
using Crawler.Worker.Exporting;
using Crawler.Worker.Hosting;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Worker.Tests.Exporting;

/// <summary>
/// An installation with a real migrated catalog and blob store, built by the service's own composition
/// root, into which tests put pairs that have been through every stage up to rewrite.
/// </summary>
internal sealed class ExportFixture : IDisposable
{
    private readonly TempDir _dir = new("crawler-export-");
    private readonly ServiceProvider _services;

    private ExportFixture(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Storage:DataDir"] = _dir.Path })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Time)
            .AddCrawler(configuration);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public string DataDir => _dir.Path;

    public SnapshotExporter Exporter => _services.GetRequiredService<SnapshotExporter>();

    public BlobStore Blobs => _services.GetRequiredService<BlobStore>();

    public IServiceProvider Services => _services;

    public static async Task<ExportFixture> CreateAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var fixture = new ExportFixture(settings ?? new Dictionary<string, string?>(), configure);
        await fixture._services.GetRequiredService<CatalogInitializer>().InitializeAsync(CancellationToken.None);
        return fixture;
    }

    /// <summary>Exports a snapshot six hours after the previous one.</summary>
    public async Task<Export.PublishedSnapshot> ExportAsync()
    {
        Time.Advance(TimeSpan.FromHours(6));
        return await Exporter.ExportAsync(CancellationToken.None);
    }

    public async Task ExecAsync(string sql, object? param = null)
    {
        await using var connection = await _services.GetRequiredService<ICatalogDb>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, param);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? param = null)
    {
        await using var connection = await _services.GetRequiredService<ICatalogDb>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<T>(sql, param)).ToList();
    }

    /// <summary>An accepted, rewritten pair in thread <paramref name="thread"/>: its id is <c>reddit:thread:reply:0</c>.</summary>
    public async Task<string> AddPairAsync(string thread, string reply, byte[]? source = null, byte[]? target = null,
        int sourceOrientation = 1, string requester = "Alice_Requests", string editor = "bob_edits", string? cluster = null)
    {
        source ??= PlantedMetadata.Jpeg();
        target ??= PlantedMetadata.Jpeg(width: 330);
        var (sourceSha, targetSha) = (await Blobs.PutAsync(source, CancellationToken.None), await Blobs.PutAsync(target, CancellationToken.None));
        var threadUrl = $"https://www.reddit.com/r/PhotoshopRequest/comments/{thread}/please_fix/";
        var (sourceUrl, targetUrl) = ($"https://i.redd.it/{thread}.jpg", $"https://i.redd.it/{reply}.jpg");
        var pairId = $"reddit:{thread}:{reply}:0";
        await ExecAsync("""
            INSERT INTO threads (site, thread_id, source, community, title, body, author, created_utc, flair, nsfw, deleted, url, images, more, parsed_at, status)
            VALUES ('reddit', @thread, 'test', 'PhotoshopRequest', 'Please fix', 'Can someone remove the ball?', @requester, 1735693200, NULL, 0, 0, @threadUrl, '[]', '[]', 0, 'parsed')
            ON CONFLICT DO NOTHING;
            INSERT INTO replies (site, reply_id, thread_id, parent_id, author, created_utc, score, body, deleted, images)
            VALUES ('reddit', @reply, @thread, NULL, @editor, 1735696800, 7, 'Here you go', 0, '[]');
            INSERT INTO images (sha256, format, width, height, orientation, frames, bytes, status, created_at)
            VALUES (@sourceSha, 'jpeg', 320, 240, @sourceOrientation, 1, @sourceBytes, 'ok', 0) ON CONFLICT DO NOTHING;
            INSERT INTO images (sha256, format, width, height, orientation, frames, bytes, status, created_at)
            VALUES (@targetSha, 'jpeg', 330, 240, 1, 1, @targetBytes, 'ok', 0) ON CONFLICT DO NOTHING;
            INSERT INTO image_urls (url, status, sha256) VALUES (@sourceUrl, 'ok', @sourceSha) ON CONFLICT DO NOTHING;
            INSERT INTO image_urls (url, status, sha256) VALUES (@targetUrl, 'ok', @targetSha);
            INSERT INTO pairs (pair_id, site, thread_id, reply_id, image_index, source_url, target_url, editor, score, accepted, rank,
                               request_text, editor_text, status, similarity, pixel_difference, cluster, updated_at)
            VALUES (@pairId, 'reddit', @thread, @reply, 0, @sourceUrl, @targetUrl, @editor, 7, 1, 1,
                    'Can someone remove the ball?', 'Here you go', 'accepted', 0.91, 40.0, @cluster, 0);
            INSERT INTO rewrites (pair_id, inputs_hash, model, prompt_version, instruction, edit_type, status, created_at)
            VALUES (@pairId, 'h', 'rules', 'v1', 'Remove the ball.', 'remove_object', 'ok', 0);
            """, new
        {
            thread, reply, requester, editor, threadUrl, sourceSha, targetSha, sourceOrientation, sourceBytes = source.Length, targetBytes = target.Length,
            sourceUrl, targetUrl, pairId, cluster = cluster ?? sourceSha,
        });
        return pairId;
    }

    public static List<Dictionary<string, object?>> Rows(Export.PublishedSnapshot snapshot, string columns = "*") => Rows(snapshot.Path, columns);

    public static List<Dictionary<string, object?>> Rows(string snapshotFolder, string columns) =>
        Duck.Query($"SELECT {columns} FROM read_parquet({Duck.Literal(Path.Combine(snapshotFolder, "data", "*.parquet"))}) ORDER BY id");

    public void Dispose()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

using System.Text.Json;
using Parquet;

namespace Crawler.Export;

/// <summary>
/// The newest published snapshot and the ids it holds, read from its own files: what readers actually
/// have is the only reliable base for the next snapshot's removed ids, whatever a catalog remembers
/// (a crash between publishing and recording must not make a removal go unlisted).
/// </summary>
public sealed record PreviousSnapshot(string Id, IReadOnlySet<string> Ids)
{
    public static async Task<PreviousSnapshot?> ReadAsync(string root, CancellationToken ct)
    {
        var published = SnapshotFolders.Published(root);
        if (published.Count == 0)
        {
            return null;
        }
        var id = published[^1];
        var folder = Path.Combine(root, id);
        var manifest = await ReadManifestAsync(folder, ct);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in manifest.Files)
        {
            await ReadIdsAsync(Path.Combine(folder, file.Path), ids, ct);
        }
        return new PreviousSnapshot(id, ids);
    }

    public static async Task<SnapshotManifest> ReadManifestAsync(string folder, CancellationToken ct)
    {
        await using var stream = File.OpenRead(Path.Combine(folder, SnapshotPublisher.ManifestFile));
        return await JsonSerializer.DeserializeAsync<SnapshotManifest>(stream, cancellationToken: ct)
            ?? throw new InvalidDataException($"{folder}: {SnapshotPublisher.ManifestFile} is empty");
    }

    private static async Task ReadIdsAsync(string path, HashSet<string> ids, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct);
        var field = reader.Schema.GetDataFields().Single(f => f.Name == "id");
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new string?[group.RowCount];
            await group.ReadAsync(field, values.AsMemory(), cancellationToken: ct);
            ids.UnionWith(values.OfType<string>());
        }
    }
}

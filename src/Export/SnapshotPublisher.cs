using System.Text.Json;

namespace Crawler.Export;

/// <summary>
/// Writes a snapshot into a hidden temporary folder, forces it to disk and renames it into place, then
/// moves the <c>latest</c> link and retires old snapshots. The rename is the commit point: a crash before
/// it leaves only a hidden folder that the next run deletes; a crash after it leaves a complete snapshot
/// whose <c>latest</c> link the next run points (and which that run treats as its previous snapshot).
/// </summary>
public sealed class SnapshotPublisher(SnapshotSettings settings, TimeProvider time)
{
    public const string LatestLink = SnapshotFolders.LatestLink;
    public const string ManifestFile = "manifest.json";
    public const string CardFile = "README.md";
    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    public async Task<PublishedSnapshot> PublishAsync(string root, IAsyncEnumerable<ExportRow> rows, SnapshotRequest request, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        SnapshotFolders.DeleteAbandoned(root);
        var previous = await PreviousSnapshot.ReadAsync(root, ct);
        if (previous is not null && Latest(root) != Path.GetFullPath(Path.Combine(root, previous.Id)))
        {
            SnapshotFolders.PointLatestAt(root, previous.Id);
        }
        var created = time.GetUtcNow();
        var id = SnapshotFolders.NewId(root, created);
        var temp = Path.Combine(root, SnapshotFolders.TempPrefix + id);
        var data = Directory.CreateDirectory(Path.Combine(temp, "data")).FullName;

        var counts = new RowCounts();
        IReadOnlyList<ShardFile> files;
        await using (var shards = new ShardSet(data, settings))
        {
            await foreach (var row in rows.WithCancellation(ct))
            {
                var split = SplitAssigner.Assign(row.DedupCluster, settings.TestShare);
                await shards.AddAsync(row, split, ct);
                counts.Add(row, split);
            }
            files = await shards.CompleteAsync(ct);
        }

        var manifest = new SnapshotManifest
        {
            SnapshotId = id,
            Created = created,
            PreviousSnapshot = previous?.Id,
            Rows = counts.Ids.Count,
            RowsPerSplit = counts.PerSplit,
            RowsPerSite = counts.PerSite,
            RowsPerEditType = counts.PerEditType,
            ImagesReencoded = counts.ImagesReencoded,
            Files = files.Select(f => new SnapshotFile(Path.GetRelativePath(temp, f.Path).Replace('\\', '/'), f.Sha256, f.Bytes, f.Rows)).ToList(),
            ConfigHash = request.ConfigHash,
            CodeVersion = request.CodeVersion,
            RemovedIds = (previous?.Ids ?? new HashSet<string>()).Except(counts.Ids, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
        await PosixFileSystem.WriteDurablyAsync(Path.Combine(temp, ManifestFile), JsonSerializer.Serialize(manifest, ManifestJson), ct);
        await PosixFileSystem.WriteDurablyAsync(Path.Combine(temp, CardFile), DatasetCard.Render(manifest, request.LicenceNotes), ct);
        PosixFileSystem.SyncDirectory(data);
        PosixFileSystem.SyncDirectory(temp);

        var final = Path.Combine(root, id);
        Directory.Move(temp, final);
        PosixFileSystem.SyncDirectory(root);
        SnapshotFolders.PointLatestAt(root, id);
        SnapshotFolders.Retire(root, settings.Keep);
        return new PublishedSnapshot(final, manifest, counts.Ids);
    }

    /// <summary>Ids of the complete snapshots under <paramref name="root"/>, oldest first.</summary>
    public static IReadOnlyList<string> PublishedIds(string root) => SnapshotFolders.Published(root);

    /// <summary>The folder the <c>latest</c> link points at, or null before the first snapshot.</summary>
    public static string? Latest(string root) => SnapshotFolders.Latest(root);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Crawler.Export;

/// <summary>
/// Writes a snapshot into a hidden temporary folder and renames it into place, then moves the
/// <c>latest</c> link: a reader never sees half a snapshot, and a crash leaves only a temporary folder
/// that the next run deletes.
/// </summary>
public sealed class SnapshotPublisher(SnapshotSettings settings, TimeProvider time)
{
    public const string LatestLink = "latest";
    private const string TempPrefix = ".tmp-";
    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    public async Task<PublishedSnapshot> PublishAsync(string root, IAsyncEnumerable<ExportRow> rows, SnapshotRequest request, CancellationToken ct)
    {
        Directory.CreateDirectory(root);
        DeleteAbandonedTemporaryFolders(root);
        var created = time.GetUtcNow();
        var id = UniqueId(root, created);
        var temp = Path.Combine(root, TempPrefix + id);
        var data = Directory.CreateDirectory(Path.Combine(temp, "data")).FullName;

        var shards = new ShardSet(data, settings);
        var counts = new RowCounts();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var split = SplitAssigner.Assign(row.DedupCluster, settings.TestShare);
            await shards.AddAsync(row, split, ct);
            counts.Add(row, split);
        }
        var files = await shards.CompleteAsync(ct);

        var manifest = new SnapshotManifest
        {
            SnapshotId = id,
            Created = created,
            PreviousSnapshot = request.PreviousSnapshot,
            Rows = counts.Ids.Count,
            RowsPerSplit = counts.PerSplit,
            RowsPerSite = counts.PerSite,
            RowsPerEditType = counts.PerEditType,
            Files = files.Select(f => Describe(temp, f)).ToList(),
            ConfigHash = request.ConfigHash,
            CodeVersion = request.CodeVersion,
            RemovedIds = request.PreviousIds.Except(counts.Ids, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
        await File.WriteAllTextAsync(Path.Combine(temp, "manifest.json"), JsonSerializer.Serialize(manifest, ManifestJson), ct);
        await File.WriteAllTextAsync(Path.Combine(temp, "README.md"), DatasetCard.Render(manifest, request.LicenceNotes), ct);

        var final = Path.Combine(root, id);
        Directory.Move(temp, final);
        PointLatestAt(root, id);
        ApplyRetention(root, id);
        return new PublishedSnapshot(final, manifest, counts.Ids);
    }

    /// <summary>The folder the <c>latest</c> link points at, or null before the first snapshot.</summary>
    public static string? Latest(string root)
    {
        var link = new FileInfo(Path.Combine(root, LatestLink));
        return link.LinkTarget is { } target ? Path.GetFullPath(Path.Combine(root, target)) : null;
    }

    private static string UniqueId(string root, DateTimeOffset created)
    {
        var stamp = created.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var id = stamp;
        for (var n = 1; Directory.Exists(Path.Combine(root, id)); n++)
        {
            id = $"{stamp}-{n}";
        }
        return id;
    }

    private static SnapshotFile Describe(string folder, (string Path, int Rows) file)
    {
        using var stream = File.OpenRead(file.Path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new SnapshotFile(Path.GetRelativePath(folder, file.Path).Replace('\\', '/'), sha, stream.Length, file.Rows);
    }

    /// <summary>Replaces the link by renaming a new one over it, which is atomic on POSIX file systems.</summary>
    private static void PointLatestAt(string root, string id)
    {
        var next = Path.Combine(root, TempPrefix + "latest-" + Guid.NewGuid().ToString("N"));
        File.CreateSymbolicLink(next, id);
        AtomicRename.Replace(next, Path.Combine(root, LatestLink));
    }

    private void ApplyRetention(string root, string newest)
    {
        var snapshots = Directory.GetDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.') && name != LatestLink)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var old in snapshots.Take(Math.Max(0, snapshots.Count - settings.Keep)).Where(s => s != newest))
        {
            Directory.Delete(Path.Combine(root, old), recursive: true);
        }
    }

    private static void DeleteAbandonedTemporaryFolders(string root)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, TempPrefix + "*"))
        {
            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null)
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Crawler.Export;

/// <summary>
/// The snapshots folder's layout. A snapshot folder only ever appears by an atomic rename of a complete
/// temporary folder, so every folder named like a snapshot is complete; hidden <c>.tmp-*</c> entries are
/// leftovers of an interrupted run. Snapshot ids sort in the order they were made.
/// </summary>
internal static partial class SnapshotFolders
{
    public const string LatestLink = "latest";
    public const string TempPrefix = ".tmp-";

    /// <summary>Published snapshot ids, oldest first.</summary>
    public static IReadOnlyList<string> Published(string root) =>
        Directory.EnumerateDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => SnapshotId().IsMatch(name))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// A UTC stamp that sorts after every published id: a second snapshot in the same second, or one made
    /// after the clock stepped back, gets a counter after the newest stamp instead.
    /// </summary>
    public static string NewId(string root, DateTimeOffset created)
    {
        var stamp = created.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var published = Published(root);
        var newest = published.Count == 0 ? null : published[^1];
        if (newest is null || string.CompareOrdinal(stamp, newest) > 0)
        {
            return stamp;
        }
        var baseStamp = newest.Split('-')[0];
        for (var n = 1; ; n++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{baseStamp}-{n:D2}");
            if (string.CompareOrdinal(id, newest) > 0)
            {
                return id;
            }
        }
    }

    /// <summary>The folder the <c>latest</c> link points at, or null when there is none.</summary>
    public static string? Latest(string root)
    {
        var link = new FileInfo(Path.Combine(root, LatestLink));
        return link.LinkTarget is { } target ? Path.GetFullPath(Path.Combine(root, target)) : null;
    }

    /// <summary>Replaces the link by renaming a new one over it, which is atomic on POSIX file systems.</summary>
    public static void PointLatestAt(string root, string id)
    {
        var next = Path.Combine(root, TempPrefix + "latest-" + Guid.NewGuid().ToString("N"));
        File.CreateSymbolicLink(next, id);
        PosixFileSystem.Replace(next, Path.Combine(root, LatestLink));
        PosixFileSystem.SyncDirectory(root);
    }

    /// <summary>
    /// Deletes all but the newest <paramref name="keep"/> snapshots. Each is first renamed to a hidden name,
    /// so a crash halfway through a delete never leaves a visible half snapshot.
    /// </summary>
    public static void Retire(string root, int keep)
    {
        var published = Published(root);
        foreach (var old in published.Take(Math.Max(0, published.Count - keep)))
        {
            var hidden = Path.Combine(root, TempPrefix + "retired-" + old);
            Directory.Move(Path.Combine(root, old), hidden);
            Directory.Delete(hidden, recursive: true);
        }
    }

    /// <summary>Removes what an interrupted run left: temporary snapshot folders, half-retired ones, stray links.</summary>
    public static void DeleteAbandoned(string root)
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

    [GeneratedRegex(@"^\d{8}T\d{6}Z(-\d{2,})?$")]
    private static partial Regex SnapshotId();
}

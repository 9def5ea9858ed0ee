using Crawler.Core.Text;
using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;
using Crawler.Dedup.Imaging;

namespace Crawler.Dedup.Clustering;

/// <summary>
/// Groups the image files of a folder into clusters of near-duplicates (the <c>dedup</c> verb), with the
/// service's rules: a file is admitted as the fetch-image stage admits a download (<see cref="ImageInspector"/>),
/// byte-identical files always share a cluster, and other files join one by the duplicate rule
/// (<see cref="DuplicateRule"/>): close embeddings, confirmed by registration.
/// </summary>
public sealed class FolderDeduplicator(IImageEmbedder embedder, DuplicateRule rule, ImageInspector admission)
{
    /// <param name="progress">Called after each file with the number done.</param>
    /// <returns>Clusters of two or more file names relative to <paramref name="folder"/>, each sorted, ordered by first name; and the files left out, with reasons.</returns>
    public FolderClusters Cluster(string folder, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var admitted = new List<(string Name, string Sha256, float[] Vector)>();
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var bytes = Admit(Path.Combine(folder, files[i]), ct);
                admitted.Add((files[i], Sha256Hex.Of(bytes), embedder.Embed([bytes])[0]));
            }
            catch (ImageRejectedException e)
            {
                skipped[files[i]] = e.Message;
            }
            progress?.Invoke(i + 1, files.Count);
        }
        return new FolderClusters(Group(admitted, name => File.ReadAllBytes(Path.Combine(folder, name))), skipped);
    }

    /// <exception cref="ImageRejectedException">The file is too large to read, unreadable, or not an admissible image.</exception>
    private byte[] Admit(string path, CancellationToken ct)
    {
        if (admission.TooLarge(new FileInfo(path).Length) is { } tooLarge)
        {
            throw new ImageRejectedException(tooLarge);
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageRejectedException($"unreadable: {e.Message}", e);
        }
        admission.Inspect(bytes, ct);
        return bytes;
    }

    private List<List<string>> Group(List<(string Name, string Sha256, float[] Vector)> files, Func<string, byte[]> read)
    {
        var parent = Enumerable.Range(0, files.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        // The same bytes are the same picture, whatever its embedding (a flat image's is all zeros and matches nothing).
        foreach (var copies in Enumerable.Range(0, files.Count).GroupBy(i => files[i].Sha256).Where(g => g.Count() > 1))
        {
            foreach (var copy in copies.Skip(1))
            {
                parent[Find(copy)] = Find(copies.First());
            }
        }
        // Each file meets every earlier one close enough to propose, through the index rather than pair by pair.
        var index = new NearDuplicateIndex<int>();
        for (var j = 0; j < files.Count; j++)
        {
            foreach (var (i, similarity) in index.Candidates(files[j].Vector, (float)rule.Similarity, int.MaxValue))
            {
                // Proposes again: the index compared with the threshold rounded to float, the rule compares in double.
                if (Find(i) != Find(j) && rule.Proposes(similarity) && rule.Confirms(read(files[i].Name), read(files[j].Name)))
                {
                    parent[Find(j)] = Find(i);
                }
            }
            index.Add(j, files[j].Vector);
        }
        return Enumerable.Range(0, files.Count)
            .GroupBy(Find)
            .Where(g => g.Count() >= 2)
            .Select(g => g.Select(i => files[i].Name).Order(StringComparer.Ordinal).ToList())
            .OrderBy(c => c[0], StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>The clusters of a folder and the files left out with their reasons.</summary>
public sealed record FolderClusters(IReadOnlyList<IReadOnlyList<string>> Clusters, IReadOnlyDictionary<string, string> Skipped);

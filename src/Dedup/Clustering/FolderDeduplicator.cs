using Crawler.Dedup.Comparison;
using Crawler.Dedup.Embedding;
using Crawler.Dedup.Imaging;

namespace Crawler.Dedup.Clustering;

/// <summary>
/// Groups the image files of a folder into clusters of near-duplicates (the <c>dedup</c> verb), with the
/// service's rule (<see cref="DuplicateRule"/>): close embeddings, confirmed by registration.
/// </summary>
public sealed class FolderDeduplicator(IImageEmbedder embedder, DuplicateRule rule)
{
    /// <param name="progress">Called after each file with the number done.</param>
    /// <returns>Clusters of two or more file names relative to <paramref name="folder"/>, each sorted, ordered by first name; and the files that could not be read, with reasons.</returns>
    public FolderClusters Cluster(string folder, Action<int, int>? progress = null)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var names = new List<string>();
        var vectors = new List<float[]>();
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, files[i]));
            if (ImageFormatSniffer.Sniff(bytes) == ImageFormat.Unknown)
            {
                skipped[files[i]] = "not an image";
            }
            else
            {
                try
                {
                    vectors.Add(embedder.Embed([bytes])[0]);
                    names.Add(files[i]);
                }
                catch (ImageRejectedException e)
                {
                    skipped[files[i]] = e.Message;
                }
            }
            progress?.Invoke(i + 1, files.Count);
        }
        return new FolderClusters(Group(names, vectors, name => File.ReadAllBytes(Path.Combine(folder, name))), skipped);
    }

    private List<List<string>> Group(List<string> names, List<float[]> vectors, Func<string, byte[]> read)
    {
        var parent = Enumerable.Range(0, names.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        // Each file meets every earlier one close enough to propose, through the index rather than pair by pair.
        var index = new NearDuplicateIndex<int>();
        for (var j = 0; j < names.Count; j++)
        {
            foreach (var (i, similarity) in index.Candidates(vectors[j], (float)rule.Similarity, int.MaxValue))
            {
                // Proposes again: the index compared with the threshold rounded to float, the rule compares in double.
                if (Find(i) != Find(j) && rule.Proposes(similarity) && rule.Confirms(read(names[i]), read(names[j])))
                {
                    parent[Find(j)] = Find(i);
                }
            }
            index.Add(j, vectors[j]);
        }
        return Enumerable.Range(0, names.Count)
            .GroupBy(Find)
            .Where(g => g.Count() >= 2)
            .Select(g => g.Select(i => names[i]).Order(StringComparer.Ordinal).ToList())
            .OrderBy(c => c[0], StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>The clusters of a folder and the files left out with their reasons.</summary>
public sealed record FolderClusters(IReadOnlyList<IReadOnlyList<string>> Clusters, IReadOnlyDictionary<string, string> Skipped);

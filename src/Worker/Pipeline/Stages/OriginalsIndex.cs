using Crawler.Dedup.Clustering;
using Crawler.Worker.Catalog.Stores;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// The request originals already clustered, in memory for nearest-neighbour search; loaded from the
/// catalog on first use, then kept in step as originals join clusters.
/// </summary>
public sealed class OriginalsIndex(ClusterStore clusters) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NearDuplicateIndex<string>? _index;
    private string? _model;
    private readonly Dictionary<string, string> _clusterOf = new(StringComparer.Ordinal);

    /// <summary>Embedding neighbours checked with <c>sameImage</c> before one is taken; the rest are too far to matter.</summary>
    private const int CandidatesChecked = 5;

    /// <summary>
    /// The cluster of <paramref name="sha256"/>: its own, that of the most similar original that
    /// <paramref name="sameImage"/> confirms, or a new one named after it.
    /// </summary>
    /// <param name="sameImage">Whether a candidate is the same picture; null when the candidate is gone (purged).</param>
    public async Task<(string Cluster, double Similarity)> AssignAsync(string sha256, float[] vector, string model, double threshold,
        Func<string, CancellationToken, Task<bool?>> sameImage, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var index = await LoadAsync(model, ct);
            // Known here and still in the catalog (a purge removes an original from its cluster).
            if (_clusterOf.TryGetValue(sha256, out var known) && await clusters.ClusterOfAsync(sha256, model, ct) is not null)
            {
                return (known, 1.0);
            }
            (string Key, float Similarity)? nearest = null;
            var checkedCount = 0;
            foreach (var candidate in index.Candidates(vector, (float)threshold, int.MaxValue))
            {
                // A candidate purged since it was indexed takes none of the checks.
                if (await sameImage(candidate.Key, ct) is not { } same)
                {
                    continue;
                }
                if (same)
                {
                    nearest = candidate;
                    break;
                }
                if (++checkedCount == CandidatesChecked)
                {
                    break;
                }
            }
            var (cluster, similarity) = nearest is { } n ? (_clusterOf[n.Key], (double)n.Similarity) : (sha256, 1.0);
            cluster = await clusters.AssignAsync(sha256, model, cluster, similarity, ct);
            index.Add(sha256, vector);
            _clusterOf[sha256] = cluster;
            return (cluster, similarity);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<NearDuplicateIndex<string>> LoadAsync(string model, CancellationToken ct)
    {
        if (_index is not null && _model == model)
        {
            return _index;
        }
        _index = new NearDuplicateIndex<string>();
        _clusterOf.Clear();
        foreach (var (sha, cluster, vector) in await clusters.MembersAsync(model, ct))
        {
            _index.Add(sha, EmbeddingStore.FromBytes(vector));
            _clusterOf[sha] = cluster;
        }
        _model = model;
        return _index;
    }

    public void Dispose() => _gate.Dispose();
}
